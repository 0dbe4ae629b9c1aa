namespace KylinMock.Http;

/// <summary>
/// The Kylin lines whose path matched a request, in the table's order, as Spring's
/// <c>RequestMappingHandlerMapping</c> holds the mappings a lookup considers: which route serves a
/// method and a <c>produces</c>, and which methods the path has (for a 405's <c>Allow</c>).
/// </summary>
internal sealed class RouteMatch(IReadOnlyList<RouteMatch.Line> lines)
{
    /// <summary>The matched lines, in the table's order.</summary>
    public IReadOnlyList<Line> Lines { get; } = lines;

    /// <summary>The first line's route with <paramref name="method"/> and <paramref name="produces"/>, or null.</summary>
    public (KylinRoute Route, Line Line)? Find(string method, Produces produces)
    {
        // Spring MVC answers HEAD with the GET handler.
        var upper = method.ToUpperInvariant() is var m0 && m0 == "HEAD" ? "GET" : method.ToUpperInvariant();
        foreach (var line in Lines)
        {
            foreach (var (m, route) in line.Routes)
            {
                if (m == upper && route.Produces == produces)
                {
                    return (route, line);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The operation of the first route with exactly <paramref name="method"/> on the matched lines, whatever it produces
    /// (the route line the request matched, as the journal records it), or null when none has the method.
    /// </summary>
    public string? OperationOf(string method)
    {
        foreach (var line in Lines)
        {
            foreach (var (m, route) in line.Routes)
            {
                if (string.Equals(m, method, StringComparison.OrdinalIgnoreCase))
                {
                    return route.Name;
                }
            }
        }

        return null;
    }

    /// <summary>Whether some line has <paramref name="method"/>, whatever it produces.</summary>
    public bool HasMethod(string method) =>
        Lines.Any(line => line.Routes.Any(r => r.Method == method.ToUpperInvariant()));

    /// <summary>The methods of every matched line, once each in the table's order, as Spring's <c>Allow</c> lists them.</summary>
    public string Allow => string.Join(", ", Lines.SelectMany(line => line.Routes.Select(r => r.Method)).Distinct());

    /// <summary>One matched line.</summary>
    /// <param name="Routes">Its routes by method.</param>
    /// <param name="Anonymous">Whether its routes skip Basic auth.</param>
    /// <param name="Values">The values its path captured.</param>
    internal sealed record Line(IReadOnlyList<(string Method, KylinRoute Route)> Routes, bool Anonymous, IReadOnlyDictionary<string, string> Values);
}
