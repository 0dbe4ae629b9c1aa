using System.CommandLine;
using System.Globalization;

namespace KylinMock.Cli;

/// <summary>Range checks on numeric options, reported as parse errors naming the option (exit code 2).</summary>
internal static class OptionRange
{
    /// <summary>Refuses a value below <paramref name="min"/> or above <paramref name="max"/>.</summary>
    public static Option<T> Within<T>(this Option<T> option, T min, T max)
        where T : struct, IComparable<T>
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be between {min} and {max} (got {value})."));
            }
        });
        return option;
    }
}
