using System.Text;

namespace KylinMock.Sql;

/// <summary>CSV as SuperCSV's standard preference writes it (<c>,</c>, <c>"</c> quoting only when needed, <c>\r\n</c>, null empty), and a reader of the same.</summary>
internal static class Csv
{
    /// <summary>One line of cells, ended by <c>\r\n</c>.</summary>
    public static void Line(StringBuilder text, IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            text.Append(first ? string.Empty : ",");
            first = false;
            if (cell is null)
            {
                continue;
            }

            var quote = cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 || (cell.Length > 0 && (cell[0] == ' ' || cell[^1] == ' '));
            text.Append(quote ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
        }

        text.Append("\r\n");
    }

    /// <summary>The rows of a CSV text (an empty unquoted cell reads as null).</summary>
    public static List<List<string?>> Read(string text)
    {
        var rows = new List<List<string?>>();
        var row = new List<string?>();
        var cell = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = wasQuoted = true;
            }
            else if (c == ',')
            {
                row.Add(Cell(cell, ref wasQuoted));
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(Cell(cell, ref wasQuoted));
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0 || wasQuoted)
        {
            row.Add(Cell(cell, ref wasQuoted));
            rows.Add(row);
        }

        return rows;
    }

    private static string? Cell(StringBuilder cell, ref bool wasQuoted)
    {
        var value = cell.Length == 0 && !wasQuoted ? null : cell.ToString();
        cell.Clear();
        wasQuoted = false;
        return value;
    }
}
