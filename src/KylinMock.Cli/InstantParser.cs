using System.Globalization;

namespace KylinMock.Cli;

/// <summary>Reads an instant given as ISO-8601 or as epoch milliseconds.</summary>
internal static class InstantParser
{
    public static bool TryParse(string text, out DateTimeOffset instant)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            instant = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }
}
