using KylinMock.Models;

namespace KylinMock.Query;

/// <summary>
/// What the job list's <c>key</c> means in Kylin 5.0.x (<c>JobFilterUtil.getJobMapperFilter</c>): first the names
/// it finds among the models (<c>ModelService.getModelNamesByFuzzyName</c>), the tables
/// (<c>TableExtService.getTableNamesByFuzzyKey</c>) of the project (every project without one) and the projects
/// (<c>ProjectService.getProjectsFilterByExactMatchAndPermission</c>): a part of the name ignoring case, or the
/// whole name with <c>exact</c>. Only when it finds none is the key a part of the job id, SQL's <c>LIKE %key%</c>.
/// </summary>
internal static class KeySubjects
{
    /// <summary>The subjects <paramref name="key"/> names, in Kylin's order (models, tables, projects).</summary>
    public static List<string> Resolve(string key, bool exact, string? project, ModelCatalog catalog, IReadOnlyList<string> projects)
    {
        var names = new List<string>();
        var scope = project is null ? projects : [project];
        foreach (var name in scope)
        {
            foreach (var model in catalog.Models(name))
            {
                Add(names, model.Alias, key, exact);
            }
        }

        foreach (var name in scope)
        {
            foreach (var table in catalog.Tables(name))
            {
                Add(names, table.Identity, key, exact);
            }
        }

        foreach (var name in projects)
        {
            Add(names, name, key, exact);
        }

        return names;
    }

    /// <summary>
    /// Whether <paramref name="id"/> is <c>LIKE '%key%'</c>: case-sensitive, <c>%</c> in the key any run of
    /// characters, <c>_</c> any one, a backslash makes the next character plain (the metastore's defaults).
    /// </summary>
    public static bool IdLike(string id, string key)
    {
        if (key.AsSpan().IndexOfAny('%', '_', '\\') < 0)
        {
            return id.Contains(key, StringComparison.Ordinal);
        }

        return Like(id, "%" + key + "%");
    }

    private static void Add(List<string> names, string name, string key, bool exact)
    {
        if (exact ? string.Equals(name, key, StringComparison.OrdinalIgnoreCase) : name.Contains(key, StringComparison.OrdinalIgnoreCase))
        {
            names.Add(name);
        }
    }

    // The pattern's characters (escapes taken off, each with whether it is a wildcard) matched by one pass of a
    // table over the text, so no key makes the match slower than text length times pattern length.
    private static bool Like(string text, string pattern)
    {
        var items = new List<(char C, char Kind)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                items.Add((pattern[++i], 'c'));
            }
            else
            {
                items.Add((c, c is '%' or '_' ? c : 'c'));
            }
        }

        // matched[j]: the text so far matches the first j pattern items.
        var matched = new bool[items.Count + 1];
        matched[0] = true;
        for (var j = 0; j < items.Count && items[j].Kind == '%'; j++)
        {
            matched[j + 1] = true;
        }

        foreach (var ch in text)
        {
            var next = new bool[items.Count + 1];
            for (var j = 0; j < items.Count; j++)
            {
                var (c, kind) = items[j];
                if (kind == '%')
                {
                    next[j + 1] = matched[j + 1] || next[j];
                }
                else if (matched[j] && (kind == '_' || c == ch))
                {
                    next[j + 1] = true;
                }
            }

            matched = next;
        }

        return matched[items.Count];
    }
}
