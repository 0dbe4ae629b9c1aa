namespace KylinMock.Errors;

/// <summary>The message bundle Kylin picks from <c>Accept-Language</c>.</summary>
internal enum Language
{
    /// <summary>English, the default.</summary>
    En,

    /// <summary>Simplified Chinese (<c>zh</c>, <c>zh-CN</c>, and Kylin's other zh tags).</summary>
    Zh,
}
