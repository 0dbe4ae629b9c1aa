namespace KylinMock.Benchmarks;

/// <summary>The harness's options.</summary>
internal sealed record HarnessOptions(bool Smoke, string Out, IReadOnlySet<string> Only, long? LongRunRequests, bool Micro)
{
    public const string Usage =
        "usage: KylinMock.Benchmarks [--smoke] [--out PATH] [--only list,scale,operate,build,startup,generation,fixture,handwritten,longrun,container,sql] [--long-run-requests N] | --micro [--only pipeline,list,estate]";

    public static HarnessOptions? Parse(string[] args)
    {
        var smoke = false;
        var micro = false;
        var output = "results.json";
        var only = new HashSet<string>(StringComparer.Ordinal);
        long? longRun = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke":
                    smoke = true;
                    break;
                case "--micro":
                    micro = true;
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--only" when i + 1 < args.Length:
                    only.UnionWith(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--long-run-requests" when i + 1 < args.Length && long.TryParse(args[i + 1], out var n) && n >= 10:
                    longRun = n;
                    i++;
                    break;
                default:
                    return null;
            }
        }

        return new HarnessOptions(smoke, output, only, longRun, micro);
    }
}
