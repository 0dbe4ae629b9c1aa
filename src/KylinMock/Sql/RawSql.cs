using System.Globalization;
using System.Text;

namespace KylinMock.Sql;

/// <summary>
/// What Kylin's query service does to the SQL text before the engine sees it (QU <c>RawSqlParser</c>,
/// <c>RawSql.autoAppendLimit</c>, <c>QueryUtil.isSelectStatement</c>): comments dropped and a trailing <c>;</c>
/// removed from what runs, the request's LIMIT and OFFSET appended unless the SQL has its own, SELECT only.
/// </summary>
internal static class RawSql
{
    /// <summary>The statement without comments, trimmed, without trailing semicolons.</summary>
    public static string Statement(string sql)
    {
        var text = new StringBuilder(sql.Length);
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                var end = sql.IndexOf(c, i + 1);
                while (end > 0 && end + 1 < sql.Length && sql[end + 1] == c)
                {
                    end = sql.IndexOf(c, end + 2);
                }

                end = end < 0 ? sql.Length - 1 : end;
                text.Append(sql, i, end - i + 1);
                i = end;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }

                text.Append('\n');
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 1;
                text.Append(' ');
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString().Trim().TrimEnd(';').Trim();
    }

    /// <summary>
    /// <c>\nLIMIT n</c> appended when <paramref name="limit"/> &gt; 0 and the text has no <c>limit</c> token, then
    /// <c>\nOFFSET m</c> likewise (tokens split on whitespace and punctuation other than <c>. _ ' " `</c>).
    /// </summary>
    public static string AppendLimitOffset(string sql, int limit, int offset)
    {
        var tokens = Tokens(sql);
        var text = sql;
        if (limit > 0 && !tokens.Contains("limit"))
        {
            text += "\nLIMIT " + limit.ToString(CultureInfo.InvariantCulture);
        }

        if (offset > 0 && !tokens.Contains("offset"))
        {
            text += "\nOFFSET " + offset.ToString(CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>QueryUtil.isSelectStatement: starts with <c>select</c>, or with <c>with</c>/<c>explain</c> and contains <c>select</c>.</summary>
    public static bool IsSelect(string statement)
    {
        var text = statement.ToLowerInvariant().TrimStart();
        while (text.StartsWith('('))
        {
            text = text[1..].TrimStart();
        }

        return text.StartsWith("select", StringComparison.Ordinal)
            || ((text.StartsWith("with", StringComparison.Ordinal) || text.StartsWith("explain", StringComparison.Ordinal)) && text.Contains("select", StringComparison.Ordinal));
    }

    private static HashSet<string> Tokens(string sql)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in sql.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '.' or '_' or '\'' or '"' or '`')
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return tokens;
    }
}
