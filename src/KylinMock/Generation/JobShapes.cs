using Bogus;
using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>What a generated job of one type looks like: its steps, how long they run, its data range and segments.</summary>
internal sealed class JobShape
{
    /// <summary>The shape's position in <see cref="JobShapes.All"/>.</summary>
    public required int Index { get; init; }

    /// <summary>The job type.</summary>
    public required JobType Type { get; init; }

    /// <summary>What <c>target_model</c> names.</summary>
    public required SubjectKind Kind { get; init; }

    /// <summary>The step names, cached once (<see cref="JobTypes.StepNames"/> builds a new list per call).</summary>
    public required string[] StepNames { get; init; }

    /// <summary>The step that does the work and runs longest.</summary>
    public required int MainStep { get; init; }

    /// <summary>The step that builds indexes (1-40 of them), or -1.</summary>
    public required int IndexStep { get; init; }

    /// <summary>Shortest and longest run of the main step, ms.</summary>
    public required (int Min, int Max) MainMs { get; init; }

    /// <summary>Shortest and longest data range, days (model jobs only).</summary>
    public required (int Min, int Max) RangeDays { get; init; }

    /// <summary>Fewest and most target segments (model jobs only).</summary>
    public required (int Min, int Max) Segments { get; init; }
}

/// <summary>The job types a generated estate holds, weighted to the common ones.</summary>
internal static class JobShapes
{
    private const int Second = 1000;
    private const int Minute = 60 * Second;

    // Per mille; builds and loads dominate as in a real estate. No tiered-storage jobs: stock Kylin 5 builds without
    // the second-storage modules (the root pom.xml comments them out), so it makes none. No SUB_PARTITION_BUILD/REFRESH:
    // Kylin makes them only for a model with multi_partition_desc (JobManager.refreshSegmentJob, ModelBuildService
    // .buildSegmentPartitionByValue), and the generated estate has no multi-level partitioned model.
    private static readonly (JobType Type, int Weight)[] Mix =
    [
        (JobType.INDEX_BUILD, 200), (JobType.INC_BUILD, 250), (JobType.INDEX_MERGE, 80), (JobType.INDEX_REFRESH, 100),
        (JobType.TABLE_SAMPLING, 100), (JobType.SNAPSHOT_BUILD, 80), (JobType.SNAPSHOT_REFRESH, 60),
    ];

    // A Kylin 4 estate's jobs: builds (and Kylin 5's index builds shown as builds), merges, refreshes and samplings, with Kylin 4's plans.
    private static readonly (JobType Type, int Weight)[] Kylin4Mix =
    [
        (JobType.INC_BUILD, 450), (JobType.INDEX_MERGE, 80), (JobType.INDEX_REFRESH, 100), (JobType.TABLE_SAMPLING, 100),
    ];

    private static readonly JobShape[] Shapes = BuildShapes();
    private static readonly int[] Cumulative = CumulativeWeights(Mix);
    private static readonly int[] Kylin4Cumulative = CumulativeWeights(Kylin4Mix);

    /// <summary>Every shape, indexed by <see cref="JobShape.Index"/>.</summary>
    public static IReadOnlyList<JobShape> All => Shapes;

    /// <summary>Minor steps (Detect Resource, Clean Up Old Segment, Update Metadata) run 5-60 s, shorter than any main step.</summary>
    public static (int Min, int Max) MinorMs => (5 * Second, 60 * Second);

    /// <summary>Draws a job type by its weight.</summary>
    public static JobShape Pick(Randomizer random) => Shapes[Draw(random, Cumulative)];

    /// <summary>Draws a Kylin 4 job type by its weight; its shape has Kylin 4's steps.</summary>
    public static JobShape PickKylin4(Randomizer random) => Shapes[Mix.Length + Draw(random, Kylin4Cumulative)];

    private static int Draw(Randomizer random, int[] cumulative)
    {
        var draw = random.Number(0, cumulative[^1] - 1);
        var i = 0;
        while (draw >= cumulative[i])
        {
            i++;
        }

        return i;
    }

    private static JobShape Shape(JobType type, int index, string[] names)
    {
        var main = names.Length >= 2 ? 1 : 0;
        return new JobShape
        {
            Index = index,
            Type = type,
            Kind = type.SubjectKind(),
            StepNames = names,
            MainStep = main,
            IndexStep = names[main] is "Load Data To Index" or "Merge Segment Data" or "Build Cube with Spark" ? main : -1,
            MainMs = names[main] switch
            {
                "Load Data To Index" or "Build Cube with Spark" => (2 * Minute, 40 * Minute),
                "Merge Segment Data" => (2 * Minute, 30 * Minute),
                "Table Sampling" or "Sample Table" => (70 * Second, 8 * Minute),
                "Build Snapshot" => (70 * Second, 15 * Minute),
                _ => (5 * Second, 5 * Minute),
            },
            RangeDays = type switch
            {
                JobType.INDEX_BUILD => (1, 90),
                JobType.INC_BUILD => (1, 3),
                JobType.INDEX_MERGE => (7, 90),
                JobType.SUB_PARTITION_BUILD or JobType.SUB_PARTITION_REFRESH => (1, 7),
                _ => (1, 30),
            },
            // A merge job targets exactly one segment, the merged one (NSparkMergingJob).
            Segments = type == JobType.INDEX_MERGE ? (1, 1) : (1, 3),
        };
    }

    // Kylin 5's shapes, then Kylin 4's (their indexes follow, so the plan pools hold both).
    private static JobShape[] BuildShapes()
    {
        var shapes = new JobShape[Mix.Length + Kylin4Mix.Length];
        for (var i = 0; i < Mix.Length; i++)
        {
            shapes[i] = Shape(Mix[i].Type, i, Mix[i].Type.StepNames().ToArray());
        }

        for (var i = 0; i < Kylin4Mix.Length; i++)
        {
            shapes[Mix.Length + i] = Shape(Kylin4Mix[i].Type, Mix.Length + i, Kylin4.Kylin4Plans.Steps(Kylin4Mix[i].Type)!.ToArray());
        }

        return shapes;
    }

    private static int[] CumulativeWeights((JobType Type, int Weight)[] mix)
    {
        var sums = new int[mix.Length];
        var total = 0;
        for (var i = 0; i < mix.Length; i++)
        {
            total += mix[i].Weight;
            sums[i] = total;
        }

        return sums;
    }
}
