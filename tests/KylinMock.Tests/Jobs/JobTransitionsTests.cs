using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Jobs;

/// <summary>The state machine without HTTP: legal moves and each action's refusal rules.</summary>
public class JobTransitionsTests
{
    // 5.0.x ExecutableState.VALID_STATE_TRANSFER: READY goes to PENDING, PENDING runs.
    [TestCase(ExecutableState.READY, ExecutableState.RUNNING, false)]
    [TestCase(ExecutableState.READY, ExecutableState.PENDING, true)]
    [TestCase(ExecutableState.PENDING, ExecutableState.RUNNING, true)]
    [TestCase(ExecutableState.PENDING, ExecutableState.PAUSED, true)]
    [TestCase(ExecutableState.PENDING, ExecutableState.SUCCEED, false)]
    [TestCase(ExecutableState.READY, ExecutableState.SUCCEED, false)]
    [TestCase(ExecutableState.RUNNING, ExecutableState.SUCCEED, true)]
    [TestCase(ExecutableState.PAUSED, ExecutableState.RUNNING, false)]
    [TestCase(ExecutableState.ERROR, ExecutableState.READY, true)]
    [TestCase(ExecutableState.SUCCEED, ExecutableState.READY, true)]
    [TestCase(ExecutableState.SUCCEED, ExecutableState.DISCARDED, false)]
    [TestCase(ExecutableState.DISCARDED, ExecutableState.READY, false)]
    [TestCase(ExecutableState.SUICIDAL, ExecutableState.DISCARDED, false)]
    public void IsLegalMove_FollowsKylinsTable(ExecutableState from, ExecutableState to, bool legal)
    {
        Assert.That(ExecutableStates.IsLegalMove(from, to), Is.EqualTo(legal));
    }

    [TestCase("RESUME", ExecutableState.READY)]
    [TestCase("RESUME", ExecutableState.RUNNING)]
    [TestCase("RESUME", ExecutableState.SUCCEED)]
    [TestCase("RESTART", ExecutableState.SUCCEED)]
    [TestCase("RESTART", ExecutableState.DISCARDED)]
    [TestCase("RESTART", ExecutableState.SUICIDAL)]
    [TestCase("PAUSE", ExecutableState.ERROR)]
    [TestCase("PAUSE", ExecutableState.PAUSED)]
    [TestCase("DISCARD", ExecutableState.SUCCEED)]
    public void Apply_ToAStateTheActionDoesNotFit_IsKE010032211(string actionName, ExecutableState state)
    {
        // JobAction is internal (no embedding test needs it): the case names it.
        var action = Enum.Parse<JobAction>(actionName);
        var job = JobIn(state);
        var error = Assert.Throws<KylinException>(() => JobTransitions.Apply(job, action, 5));
        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo(ErrorCode.JobUpdateStatusFailed));
            Assert.That(error.Args, Is.EqualTo(new object[] { action.ToString(), job.Id, state.ToString() }));
        });
    }

    [Test]
    public void Discard_OfADiscardedJob_IsANoOp()
    {
        var job = JobIn(ExecutableState.DISCARDED);
        var modified = job.LastModified;
        JobTransitions.Apply(job, JobAction.DISCARD, 99);
        Assert.That(job.LastModified, Is.EqualTo(modified));
    }

    [Test]
    public void Discard_OfASuicidalJob_IsAnIllegalMoveKE010032215()
    {
        var error = Assert.Throws<KylinException>(() => JobTransitions.Apply(JobIn(ExecutableState.SUICIDAL), JobAction.DISCARD, 5));
        Assert.That(error!.ErrorCode, Is.EqualTo(ErrorCode.IllegalJobStateTransfer));
    }

    [TestCase(JobStatus.PENDING, "DISCARD, PAUSE")]
    [TestCase(JobStatus.RUNNING, "DISCARD, PAUSE, RESTART")]
    [TestCase(JobStatus.ERROR, "RESUME, DISCARD, RESTART")]
    [TestCase(JobStatus.STOPPED, "RESUME, DISCARD, RESTART")]
    [TestCase(JobStatus.FINISHED, "")]
    [TestCase(JobStatus.DISCARDED, "")]
    [TestCase(JobStatus.NEW, "RESUME, DISCARD, PAUSE, RESTART")]
    public void AllowedNames_ListKylinsActionsInOrder(JobStatus status, string names)
    {
        Assert.That(JobActions.AllowedNames(status), Is.EqualTo(names));
    }

    private static Job JobIn(ExecutableState state)
    {
        var job = new Job { Id = "job-" + state, Project = "p", JobName = JobType.INDEX_BUILD, TargetModel = "m", State = state, LastModified = 1 };
        job.Steps = [new JobStep { Id = job.Id + "_00", Name = "Detect Resource" }];
        return job;
    }
}
