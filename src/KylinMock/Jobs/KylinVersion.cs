namespace KylinMock.Jobs;

/// <summary>The version the mock's Kylin reports (<c>KylinVersion.getCurrentVersion</c>), and that the entities it creates carry.</summary>
internal static class KylinVersion
{
    /// <summary>"5.0.0.0-SNAPSHOT", as the v2 job API prints it.</summary>
    public const string Current = "5.0.0.0-SNAPSHOT";
}
