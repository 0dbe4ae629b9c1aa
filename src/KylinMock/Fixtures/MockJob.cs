using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// What the mock keeps about a job beyond Kylin's shape (the fixture's <c>mock_jobs</c> entry):
/// its plan, its run count, when it last became READY, a SUICIDAL state (shown as DISCARDED),
/// its subject's health, and the running step's clock.
/// </summary>
internal readonly record struct MockJob
{
    public JobPlan? Plan { get; init; }

    public int? Runs { get; init; }

    public long? ReadySince { get; init; }

    public ExecutableState? State { get; init; }

    public SubjectHealth? SubjectHealth { get; init; }

    public long? RunningStepSince { get; init; }

    public long? RunningStepAccumulated { get; init; }
}
