namespace KylinMock.Http;

/// <summary>Kylin's media types (<c>HttpConstant.java</c>).</summary>
internal static class MediaTypes
{
    /// <summary>The internal v4 API type, served for <c>*/*</c> and no Accept.</summary>
    public const string V4 = "application/vnd.apache.kylin-v4+json";

    /// <summary>The public v4 API type.</summary>
    public const string V4Public = "application/vnd.apache.kylin-v4-public+json";

    /// <summary>The v2 type of the compatibility controllers (<c>*ControllerV2</c>).</summary>
    public const string V2 = "application/vnd.apache.kylin-v2+json";

    /// <summary>Plain JSON, for Spring's and the security filter's own bodies.</summary>
    public const string Json = "application/json";
}
