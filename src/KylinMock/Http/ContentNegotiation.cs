namespace KylinMock.Http;

/// <summary>
/// Kylin's Accept handling: the two v4 types, <c>*/*</c> and no Accept are served (v4 unless the
/// public type is asked for); <c>application/vnd.apache.kylin-v2+json</c> is Kylin's V2ApiFilter 404;
/// anything else (plain <c>application/json</c>) is Spring's 406.
/// </summary>
internal static class ContentNegotiation
{
    /// <summary>What the Accept header leads to.</summary>
    public enum Outcome
    {
        /// <summary>Served; see the chosen type.</summary>
        Served,

        /// <summary>The v2 API: 404 "no longer supported".</summary>
        V2,

        /// <summary>406 Not Acceptable.</summary>
        NotAcceptable,
    }

    /// <summary>Decides the outcome and, when served, the response's content type.</summary>
    public static (Outcome Outcome, string ContentType) Negotiate(string? accept)
    {
        if (accept is not null && string.Equals(accept.Trim(), MediaTypes.V2, StringComparison.OrdinalIgnoreCase))
        {
            return (Outcome.V2, MediaTypes.Json);
        }

        if (string.IsNullOrWhiteSpace(accept))
        {
            return (Outcome.Served, MediaTypes.V4);
        }

        var types = accept.Split(',').Select(part => part.Split(';')[0].Trim().ToLowerInvariant()).ToList();
        if (types.Contains(MediaTypes.V4Public))
        {
            return (Outcome.Served, MediaTypes.V4Public);
        }

        if (types.Contains(MediaTypes.V4) || types.Contains("*/*") || types.Contains("application/*"))
        {
            return (Outcome.Served, MediaTypes.V4);
        }

        return (Outcome.NotAcceptable, MediaTypes.Json);
    }
}
