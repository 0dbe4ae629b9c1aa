using KylinMock.Errors;

namespace KylinMock.Http;

/// <summary>
/// Picks Kylin's message bundle: English whatever <c>Accept-Language</c> says, as Kylin 5 forces it (<c>MsgPicker</c>);
/// with the Chinese bundle enabled, zh, zh-CN (and other zh tags) choose Chinese.
/// </summary>
internal static class Languages
{
    public static Language From(string? acceptLanguage, bool chineseEnabled)
    {
        if (!chineseEnabled)
        {
            return Language.En;
        }

        var first = acceptLanguage?.Split(',')[0].Split(';')[0].Trim();
        return first is not null && (first.Equals("zh", StringComparison.OrdinalIgnoreCase) || first.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
            ? Language.Zh
            : Language.En;
    }
}
