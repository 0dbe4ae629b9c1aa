using KylinMock.Errors;

namespace KylinMock.Http;

/// <summary>Picks Kylin's message bundle from <c>Accept-Language</c>: zh, zh-CN (and other zh tags) choose Chinese; anything else English.</summary>
internal static class Languages
{
    public static Language From(string? acceptLanguage)
    {
        var first = acceptLanguage?.Split(',')[0].Split(';')[0].Trim();
        return first is not null && (first.Equals("zh", StringComparison.OrdinalIgnoreCase) || first.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
            ? Language.Zh
            : Language.En;
    }
}
