using System.Text.RegularExpressions;
using KylinMock.Sql.Dialect;

namespace KylinMock.Sql.Answers;

/// <summary>
/// Kylin's failure texts (contract §4.8): QEX <c>newSqlException</c>'s <c>Error while executing SQL "…": …</c>, then
/// QU <c>QueryUtil.makeErrorMsgUserFriendly</c> (split on ':'; with exactly three parts, the reason first and
/// <c>while executing SQL: "…"</c> on the next line), Calcite's validator wordings for DuckDB's binder errors.
/// </summary>
internal static partial class KylinMessages
{
    /// <summary>QU <c>QueryUtil.makeErrorMsgUserFriendly</c>.</summary>
    public static string UserFriendly(string message)
    {
        var text = message.Trim();
        var parts = JavaSplit(text, ':');
        if (parts.Count != 3)
        {
            return text;
        }

        var head = parts[0].Trim();
        head = head.StartsWith("Error", StringComparison.Ordinal) ? head[5..].Trim() : head;
        head = head.Replace("while executing SQL", "while executing SQL:", StringComparison.Ordinal);
        return parts[1].Trim() + ": " + parts[2].Trim() + "\n" + head;
    }

    /// <summary>QEX's wrapping of a failure of <paramref name="sql"/>, made user-friendly.</summary>
    public static string Executing(string sql, string reason) => UserFriendly("Error while executing SQL \"" + sql + "\": " + reason);

    /// <summary>Calcite's <c>From line L, column C to line L, column C2</c> span of the first token naming <paramref name="name"/>.</summary>
    public static string Span(string sql, List<SqlToken> tokens, string name)
    {
        var token = tokens.FirstOrDefault(t => t.Kind is TokenKind.Word or TokenKind.Quoted && string.Equals(t.Identifier, name, StringComparison.OrdinalIgnoreCase));
        var (line, column) = token.Text is null ? (1, 1) : SqlLexer.Position(sql, token.Offset);
        var end = column + Math.Max(1, token.Text?.Length ?? 1) - 1;
        return $"From line {line}, column {column} to line {line}, column {end}";
    }

    /// <summary>A DuckDB binder or catalog error in Calcite's validator words (the first line of DuckDB's text otherwise).</summary>
    public static string Validation(string sql, List<SqlToken> tokens, string duckMessage)
    {
        var first = duckMessage.Split('\n')[0];
        first = first.StartsWith("Binder Error: ", StringComparison.Ordinal) ? first[14..] : first;
        if (NotFound().Match(first) is { Success: true } missing)
        {
            var name = missing.Groups[1].Value;
            var column = name[(name.LastIndexOf('.') + 1)..];
            return Executing(sql, Span(sql, tokens, column) + ": Column '" + column + "' not found in any table");
        }

        if (NotGrouped().Match(first) is { Success: true } grouped)
        {
            var name = grouped.Groups[1].Value;
            var column = name[(name.LastIndexOf('.') + 1)..];
            return Executing(sql, Span(sql, tokens, column) + ": Expression '" + name + "' is not being grouped");
        }

        return Executing(sql, first);
    }

    /// <summary>Calcite's parse error for DuckDB's <c>syntax error at or near "X"</c>.</summary>
    public static string Parse(string sql, List<SqlToken> tokens, string duckMessage)
    {
        var near = Near().Match(duckMessage);
        var word = near.Success ? near.Groups[1].Value : string.Empty;
        var token = tokens.FirstOrDefault(t => string.Equals(t.Text, word, StringComparison.OrdinalIgnoreCase) || (t.Kind == TokenKind.Quoted && string.Equals(t.Identifier, word, StringComparison.OrdinalIgnoreCase)));
        if (token.Text is null)
        {
            token = tokens.Count > 0 ? tokens[^1] : new SqlToken(TokenKind.Symbol, "<EOF>", sql.Length);
        }

        var (line, column) = SqlLexer.Position(sql, token.Offset);
        return $"Encountered \"{token.Text}\" at line {line}, column {column}.\nWas expecting one of:\n    <EOF> \n    \"ORDER\" ...\n    \"LIMIT\" ...\n    ";
    }

    // Java's String.split: trailing empty strings dropped.
    private static List<string> JavaSplit(string text, char separator)
    {
        var parts = text.Split(separator).ToList();
        while (parts.Count > 0 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts;
    }

    [GeneratedRegex("Referenced column \"([^\"]+)\" not found")]
    private static partial Regex NotFound();

    [GeneratedRegex("column \"([^\"]+)\" must appear in the GROUP BY clause")]
    private static partial Regex NotGrouped();

    [GeneratedRegex("at or near \"([^\"]*)\"")]
    private static partial Regex Near();
}
