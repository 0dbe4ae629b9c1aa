namespace KylinMock.Jobs;

/// <summary>Java's <c>Enum.valueOf</c>: a name matches only exactly (no case folding, no numbers).</summary>
internal static class ExactNames
{
    public static bool TryParse<T>(string name, out T value)
        where T : struct, Enum => Names<T>.ByName.TryGetValue(name, out value);

    // Each value's own name, looked up once per type rather than listed and formatted per call.
    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ByName = Build();

        private static Dictionary<string, T> Build()
        {
            var names = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var candidate in Enum.GetValues<T>())
            {
                names.TryAdd(candidate.ToString(), candidate);
            }

            return names;
        }
    }
}
