namespace KylinMock.Fixtures;

/// <summary>
/// Equal strings read from one document shared as one instance (project names, model uuids, step
/// names, segment ids and failure messages repeat across a million jobs), looked up without allocating.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public StringPool() => lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Room to decode one string before it is looked up.</summary>
    public char[] Scratch { get; } = new char[1024];

    public string Get(ReadOnlySpan<char> text)
    {
        if (lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var made = text.ToString();
        strings[made] = made;
        return made;
    }
}
