using System.Globalization;

namespace KylinMock.Http;

/// <summary>A JSON string's escapes read as Jackson reads them, lone surrogates included (each becomes U+FFFD).</summary>
internal static class JsonEscapes
{
    /// <summary>The text of a string token's raw (still escaped) UTF-8 bytes.</summary>
    public static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new System.Text.StringBuilder(raw.Length);
        var plain = System.Text.Encoding.UTF8.GetString(raw);
        for (var i = 0; i < plain.Length; i++)
        {
            if (plain[i] != '\\')
            {
                text.Append(plain[i]);
                continue;
            }

            var c = plain[++i];
            text.Append(c switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                'u' => (char)int.Parse(plain.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                _ => c,
            });
            i += c == 'u' ? 4 : 0;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }
}
