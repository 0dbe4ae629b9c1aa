namespace KylinMock.Jobs;

/// <summary>Java's <c>Enum.valueOf</c>: a name matches only exactly (no case folding, no numbers).</summary>
internal static class ExactNames
{
    public static bool TryParse<T>(string name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
