using Bogus;

namespace KylinMock.Fixtures;

/// <summary>
/// A model's segments and every run of 1-4 consecutive ones, built once per model: jobs build,
/// refresh and merge neighbouring segments, and sharing the (never mutated) arrays keeps a million
/// jobs small.
/// </summary>
internal sealed class SegmentWindows
{
    private const int LongestRun = 4;
    private readonly string[][][] runsByLength;

    /// <summary>Draws 8-40 segment ids for one model.</summary>
    public SegmentWindows(Randomizer random)
    {
        var segments = new string[random.Number(8, 40)];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = KylinUuid.Next(random);
        }

        runsByLength = new string[LongestRun][][];
        for (var length = 1; length <= LongestRun; length++)
        {
            var runs = new string[segments.Length - length + 1][];
            for (var start = 0; start < runs.Length; start++)
            {
                runs[start] = segments[start..(start + length)];
            }

            runsByLength[length - 1] = runs;
        }
    }

    /// <summary>Picks <paramref name="length"/> (1-4) consecutive segments.</summary>
    public string[] Pick(Randomizer random, int length)
    {
        var runs = runsByLength[length - 1];
        return runs[random.Number(0, runs.Length - 1)];
    }
}
