using System.Globalization;

namespace KylinMock.Cli;

/// <summary>Reads an instant given as ISO-8601 or as epoch milliseconds.</summary>
internal static class InstantParser
{
    private static readonly long MinMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Reads <paramref name="text"/>; false with a one-line <paramref name="error"/> (naming <paramref name="option"/>) when it is no instant the calendar holds.</summary>
    public static bool TryParse(string option, string text, out DateTimeOffset instant, out string error)
    {
        error = string.Empty;
        if (IsInteger(text))
        {
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) || ms < MinMs || ms > MaxMs)
            {
                instant = default;
                error = string.Create(CultureInfo.InvariantCulture, $"{option} \"{text}\" is out of range: epoch milliseconds must be between {MinMs} and {MaxMs} (0001-01-01 to 9999-12-31).");
                return false;
            }

            instant = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
        {
            return true;
        }

        error = $"{option} \"{text}\" is neither an ISO-8601 instant nor epoch milliseconds.";
        return false;
    }

    // Digits too many for a long are a number out of range, not a malformed instant.
    private static bool IsInteger(string text) =>
        (text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text) is { Length: > 0 } digits && digits.All(char.IsAsciiDigit);
}
