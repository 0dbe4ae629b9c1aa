namespace KylinMock.Jobs;

/// <summary>Value equality for the list members of records (whose own equality compares lists by reference).</summary>
internal static class ListEquality
{
    /// <summary>Both null, or the same items in the same order.</summary>
    public static bool Equal<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Count == b.Count && a.SequenceEqual(b));

    /// <summary>Adds the list's length (-1 for null) and items to <paramref name="hash"/>.</summary>
    public static void Add<T>(ref HashCode hash, IReadOnlyList<T>? list)
    {
        hash.Add(list?.Count ?? -1);
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            hash.Add(list![i]);
        }
    }
}
