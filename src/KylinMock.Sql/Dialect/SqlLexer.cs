using System.Text;

namespace KylinMock.Sql.Dialect;

/// <summary>
/// Splits Kylin's SQL into tokens (Calcite's lexer rules as Kylin configures them: double quotes quote
/// identifiers, single quotes strings, <c>--</c> and <c>/* */</c> comments are skipped, backticks are not quotes).
/// </summary>
internal static class SqlLexer
{
    private static readonly string[] Symbols = ["<>", "!=", "<=", ">=", "||", "::", "(", ")", ",", ".", "+", "-", "*", "/", "%", "=", "<", ">", "{", "}", ";", "?", "[", "]"];

    /// <summary>The tokens of <paramref name="sql"/>; a character Calcite cannot read is a <see cref="SqlLexicalException"/>.</summary>
    public static List<SqlToken> Read(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(sql, i + 1) == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(sql, i + 1) == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (c == '\'' || c == '"')
            {
                var start = i;
                i++;
                while (true)
                {
                    if (i >= sql.Length)
                    {
                        throw Lexical(sql, start, c);
                    }

                    if (sql[i] == c)
                    {
                        if (At(sql, i + 1) == c)
                        {
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    i++;
                }

                tokens.Add(new SqlToken(c == '"' ? TokenKind.Quoted : TokenKind.String, sql[start..i], start));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(sql, i + 1))))
            {
                var start = i;
                while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '.' || ((sql[i] is 'e' or 'E') && (char.IsAsciiDigit(At(sql, i + 1)) || At(sql, i + 1) is '-' or '+'))))
                {
                    i += sql[i] is 'e' or 'E' ? 2 : 1;
                }

                tokens.Add(new SqlToken(TokenKind.Number, sql[start..i], start));
            }
            else if (char.IsLetter(c) || c == '_' || c == '$')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(TokenKind.Word, sql[start..i], start));
            }
            else if (Symbols.FirstOrDefault(s => string.CompareOrdinal(sql, i, s, 0, s.Length) == 0) is { } symbol)
            {
                tokens.Add(new SqlToken(TokenKind.Symbol, symbol, i));
                i += symbol.Length;
            }
            else
            {
                throw Lexical(sql, i, c);
            }
        }

        return tokens;
    }

    /// <summary>Calcite's text for a character it cannot read: <c>Lexical error at line L, column C.  Encountered: "`" (96), after : ""</c>.</summary>
    private static SqlLexicalException Lexical(string sql, int offset, char c)
    {
        var (line, column) = Position(sql, offset);
        var text = new StringBuilder().Append("Lexical error at line ").Append(line).Append(", column ").Append(column)
            .Append(".  Encountered: \"").Append(c).Append("\" (").Append((int)c).Append("), after : \"\"");
        return new SqlLexicalException(text.ToString());
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/>.</summary>
    public static (int Line, int Column) Position(string sql, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset && i < sql.Length; i++)
        {
            if (sql[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';
}
