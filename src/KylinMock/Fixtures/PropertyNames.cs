using System.Text;

namespace KylinMock.Fixtures;

/// <summary>
/// The property names of one JSON shape, in the order the mock writes them: the members of
/// <typeparamref name="TField"/> (PascalCase) as snake_case. A reader expects the next name in that
/// order and confirms it with one comparison of bytes; any other order is looked up by name.
/// </summary>
internal sealed class PropertyNames<TField>
    where TField : struct, Enum
{
    private readonly byte[][] utf8;
    private readonly Dictionary<string, int> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private PropertyNames()
    {
        var names = Enum.GetNames<TField>();
        utf8 = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            var snake = SnakeCase(names[i]);
            utf8[i] = Encoding.UTF8.GetBytes(snake);
            byName[snake] = i;
        }

        lookup = byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The names of <typeparamref name="TField"/>.</summary>
    public static PropertyNames<TField> Instance { get; } = new();

    /// <summary>How many names.</summary>
    public int Count => utf8.Length;

    /// <summary>Name <paramref name="index"/> as UTF-8.</summary>
    public ReadOnlySpan<byte> Utf8(int index) => utf8[index];

    /// <summary>The index of a name, or -1.</summary>
    public int Find(ReadOnlySpan<char> name) => lookup.TryGetValue(name, out var index) ? index : -1;

    private static string SnakeCase(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
