namespace KylinMock.Benchmarks.Harness;

/// <summary>Median and spread of repeated measurements (percentiles by linear interpolation).</summary>
internal sealed record Summary(double Median, double P10, double P90, double Min, double Max, IReadOnlyList<double> Values)
{
    public int Repetitions => Values.Count;

    public static Summary Of(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return new Summary(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, []);
        }

        var ordered = (double[])sorted.Clone();
        Array.Sort(ordered);
        return new Summary(Percentile(ordered, 0.5), Percentile(ordered, 0.1), Percentile(ordered, 0.9), ordered[0], ordered[^1], sorted);
    }

    private static double Percentile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
