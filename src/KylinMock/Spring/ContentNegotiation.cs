namespace KylinMock.Http;

/// <summary>
/// Kylin's Accept handling. Exactly <c>application/vnd.apache.kylin-v2+json</c> (ignoring case, with no
/// parameter and no list) turns Kylin's V2ApiFilter on: only a v2 mapping may serve. Otherwise Spring
/// negotiates: the two v4 types, <c>*/*</c> and no Accept are served (v4 unless the public type is asked
/// for), a listed v2 type picks a v2 mapping, and a wildcard takes a v2 mapping where a path has no v4
/// one; anything else (plain <c>application/json</c>) is Spring's 406.
/// </summary>
internal static class ContentNegotiation
{
    private static readonly Choice V2Choice = new(Produces.V2, MediaTypes.V2);
    private static readonly Choice JsonChoice = new(Produces.Json, MediaTypes.Json);

    /// <summary>What the Accept header leads to.</summary>
    public enum Outcome
    {
        /// <summary>Spring's negotiation: the first choice some route produces serves; none is a 406.</summary>
        Served,

        /// <summary>The V2ApiFilter is on: a v2 mapping serves, else the filter refuses.</summary>
        V2,
    }

    /// <summary>Decides the outcome and the routes' <c>produces</c> the request takes, best first, each with the response's content type.</summary>
    public static (Outcome Outcome, IReadOnlyList<Choice> Choices) Negotiate(string? accept)
    {
        if (accept is not null && string.Equals(accept.Trim(), MediaTypes.V2, StringComparison.OrdinalIgnoreCase))
        {
            return (Outcome.V2, [V2Choice]);
        }

        if (string.IsNullOrWhiteSpace(accept))
        {
            // Spring breaks the tie between equally specific produces with MimeType.compareTo: application/json
            // first, so a path with a plain JSON mapping (POST /api/query, query4JDBC) answers with it.
            return (Outcome.Served, [JsonChoice, new Choice(Produces.V4, MediaTypes.V4), V2Choice]);
        }

        var types = accept.Split(',').Select(part => part.Split(';')[0].Trim().ToLowerInvariant()).ToList();
        var v4 = types.Contains(MediaTypes.V4Public) ? MediaTypes.V4Public : MediaTypes.V4;
        var choices = new List<Choice>(2);
        foreach (var type in types)
        {
            var wildcard = type is "*/*" or "application/*";
            if ((wildcard || type == MediaTypes.Json) && !choices.Contains(JsonChoice))
            {
                choices.Add(JsonChoice);
            }

            if ((wildcard || type is MediaTypes.V4 or MediaTypes.V4Public) && !choices.Exists(c => c.Produces == Produces.V4))
            {
                choices.Add(new Choice(Produces.V4, v4));
            }

            if ((wildcard || type == MediaTypes.V2) && !choices.Contains(V2Choice))
            {
                choices.Add(V2Choice);
            }
        }

        return (Outcome.Served, choices);
    }

    /// <summary>A <c>produces</c> the request accepts and the content type its answer then has.</summary>
    /// <param name="Produces">The routes it takes.</param>
    /// <param name="ContentType">The answer's Content-Type.</param>
    internal sealed record Choice(Produces Produces, string ContentType);
}
