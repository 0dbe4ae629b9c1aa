using System.Globalization;
using System.Text;

namespace KylinMock.Sql.Dialect;

/// <summary>
/// Kylin's SQL dialect written as DuckDB's (QU <c>EscapeTransformer</c>, <c>DefaultQueryTransformer</c>; KECalciteConfig):
/// unquoted names upper-cased, JDBC <c>{fn}</c>/<c>{d}</c>/<c>{ts}</c> escapes unwrapped, <c>!=</c> as <c>&lt;&gt;</c>, and
/// Calcite's date functions (<c>FLOOR/CEIL(x TO unit)</c>, <c>TIMESTAMPADD</c>, <c>TIMESTAMPDIFF</c>, <c>DAYOFWEEK</c>
/// 1 = Sunday) in DuckDB's spelling; <c>CURRENT_DATE</c> and <c>CURRENT_TIMESTAMP</c> read the mock's clock.
/// </summary>
internal static class KylinDialect
{
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND",
    };

    /// <summary>DuckDB's text for Kylin's <paramref name="tokens"/>, reading the clock as <paramref name="nowMs"/> (server-local ms).</summary>
    public static string ToDuckDb(List<SqlToken> tokens, long nowMs)
    {
        var flat = Unescape(tokens);
        var text = new StringBuilder();
        Emit(flat, 0, flat.Count, text, nowMs);
        return text.ToString();
    }

    // {fn F(x)} -> F(x); {d 'x'} -> DATE 'x'; {ts 'x'} -> TIMESTAMP 'x'; {t 'x'} -> TIME 'x'; != -> <>.
    private static List<SqlToken> Unescape(List<SqlToken> tokens)
    {
        var result = new List<SqlToken>(tokens.Count);
        var open = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsSymbol("{") && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word)
            {
                var word = tokens[i + 1].Text.ToUpperInvariant();
                var replacement = word switch { "D" => "DATE", "TS" => "TIMESTAMP", "T" => "TIME", _ => null };
                if (word == "FN" || replacement is not null)
                {
                    open++;
                    if (replacement is not null)
                    {
                        result.Add(new SqlToken(TokenKind.Word, replacement, token.Offset));
                    }

                    i++;
                    continue;
                }
            }

            if (token.IsSymbol("}") && open > 0)
            {
                open--;
                continue;
            }

            result.Add(token.IsSymbol("!=") ? token with { Text = "<>" } : token);
        }

        return result;
    }

    private static void Emit(List<SqlToken> tokens, int from, int to, StringBuilder text, long nowMs)
    {
        for (var i = from; i < to; i++)
        {
            var token = tokens[i];
            var call = i + 1 < to && tokens[i + 1].IsSymbol("(");
            if (token.Kind == TokenKind.Word && call && Function(tokens, i, to, text, nowMs) is var end and > 0)
            {
                i = end;
                continue;
            }

            if (token.Kind == TokenKind.Word && !call && token.Text.ToUpperInvariant() is "CURRENT_DATE" or "CURRENT_TIMESTAMP" or "LOCALTIMESTAMP" && !Qualified(tokens, i))
            {
                Append(text, Clock(token.Text.ToUpperInvariant() == "CURRENT_DATE", nowMs));
                continue;
            }

            Append(text, token.Kind == TokenKind.Word ? token.Text.ToUpperInvariant() : token.Text);
        }
    }

    // A rewritten function call starting at `name`; returns the index of its closing parenthesis, or -1 to leave it as it is.
    private static int Function(List<SqlToken> tokens, int name, int to, StringBuilder text, long nowMs)
    {
        var function = tokens[name].Text.ToUpperInvariant();
        if (function is not ("FLOOR" or "CEIL" or "CEILING" or "TIMESTAMPADD" or "TIMESTAMPDIFF" or "DAYOFWEEK" or "NOW" or "WEEK"))
        {
            return -1;
        }

        var close = Close(tokens, name + 1, to);
        if (close < 0)
        {
            return -1;
        }

        var args = Arguments(tokens, name + 2, close);
        string Arg(int index)
        {
            var part = new StringBuilder();
            Emit(tokens, args[index].From, args[index].To, part, nowMs);
            return part.ToString();
        }

        switch (function)
        {
            case "NOW" when args.Count == 0 || (args.Count == 1 && args[0].From == args[0].To):
                Append(text, Clock(date: false, nowMs));
                return close;
            case "DAYOFWEEK" when args.Count == 1:
                // Calcite's DOW is 1 for Sunday; DuckDB's dayofweek is 0 for Sunday.
                Append(text, "(DAYOFWEEK(" + Arg(0) + ") + 1)");
                return close;
            case "WEEK" when args.Count == 1:
                Append(text, "WEEKOFYEAR(" + Arg(0) + ")");
                return close;
            case "FLOOR" or "CEIL" or "CEILING" when args.Count == 1 && ToIndex(tokens, args[0]) is var at and > 0 && at + 1 < args[0].To && Units.Contains(tokens[at + 1].Text):
            {
                var value = new StringBuilder();
                Emit(tokens, args[0].From, at, value, nowMs);
                var unit = tokens[at + 1].Text.ToUpperInvariant();
                var floor = "DATE_TRUNC('" + unit + "', " + value + ")";
                Append(text, function == "FLOOR" ? floor : $"(CASE WHEN {floor} = ({value}) THEN {floor} ELSE {floor} + INTERVAL 1 {unit} END)");
                return close;
            }

            case "TIMESTAMPADD" when args.Count == 3 && Unit(tokens, args[0]) is { } unit:
                Append(text, "(" + Arg(2) + " + INTERVAL (" + Arg(1) + ") " + unit + ")");
                return close;
            case "TIMESTAMPDIFF" when args.Count == 3 && Unit(tokens, args[0]) is { } unit:
                Append(text, "DATE_DIFF('" + unit + "', " + Arg(1) + ", " + Arg(2) + ")");
                return close;
            default:
                return -1;
        }
    }

    private static string? Unit(List<SqlToken> tokens, (int From, int To) arg)
    {
        if (arg.To - arg.From != 1)
        {
            return null;
        }

        var word = tokens[arg.From].Text.ToUpperInvariant();
        word = word.StartsWith("SQL_TSI_", StringComparison.Ordinal) ? word[8..] : word;
        word = word == "FRAC_SECOND" ? "MICROSECOND" : word;
        return Units.Contains(word) ? word : null;
    }

    // The index of the top-level word TO inside an argument, or -1.
    private static int ToIndex(List<SqlToken> tokens, (int From, int To) arg)
    {
        var depth = 0;
        for (var i = arg.From; i < arg.To; i++)
        {
            depth += tokens[i].IsSymbol("(") ? 1 : tokens[i].IsSymbol(")") ? -1 : 0;
            if (depth == 0 && tokens[i].Is("TO"))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/>, or -1.</summary>
    public static int Close(List<SqlToken> tokens, int open, int to)
    {
        var depth = 0;
        for (var i = open; i < to; i++)
        {
            depth += tokens[i].IsSymbol("(") ? 1 : tokens[i].IsSymbol(")") ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<(int From, int To)> Arguments(List<SqlToken> tokens, int from, int to)
    {
        var args = new List<(int From, int To)>();
        var depth = 0;
        var start = from;
        for (var i = from; i < to; i++)
        {
            depth += tokens[i].IsSymbol("(") ? 1 : tokens[i].IsSymbol(")") ? -1 : 0;
            if (depth == 0 && tokens[i].IsSymbol(","))
            {
                args.Add((start, i));
                start = i + 1;
            }
        }

        if (to > from || args.Count > 0)
        {
            args.Add((start, to));
        }

        return args;
    }

    private static bool Qualified(List<SqlToken> tokens, int i) => i > 0 && tokens[i - 1].IsSymbol(".");

    private static string Clock(bool date, long nowMs)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(nowMs).UtcDateTime;
        return date
            ? "DATE '" + now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'"
            : "TIMESTAMP '" + now.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "'";
    }

    private static void Append(StringBuilder text, string part)
    {
        if (text.Length > 0 && part != "." && part != "," && part != ")" && text[^1] != '.' && text[^1] != '(')
        {
            text.Append(' ');
        }

        text.Append(part);
    }
}
