namespace KylinMock.Jobs;

/// <summary>
/// The three names Kylin derives for a job's subject: what the response shows
/// (<c>ExecutableResponse.create</c>), what sorting reads (<c>ExecutablePOSortBean.getTargetModelAlias</c>)
/// and what the <c>key</c> filter matches (<c>JobUtil.deduceTargetSubject</c>).
/// </summary>
internal static class JobSubject
{
    /// <summary>The response's <c>target_subject</c> and <c>target_subject_error</c>.</summary>
    public static (string? Subject, bool Error) Displayed(Job job) => job.JobName.SubjectKind() switch
    {
        SubjectKind.Table => job.SubjectHealth == SubjectHealth.TableDeleted
            ? (job.TargetModel + " deleted", true)
            : (job.TargetModel, false),
        SubjectKind.Snapshot => job.SubjectHealth == SubjectHealth.SnapshotDeleted && job.State.IsFinal()
            ? ("The snapshot is deleted", true)
            : (job.TargetModel, false),
        SubjectKind.Project => (job.Project, false),
        _ => job.SubjectHealth switch
        {
            SubjectHealth.ModelDeleted => ("The model is deleted", true),
            SubjectHealth.ModelBroken => (job.SubjectAlias + " broken", true),
            _ => (job.SubjectAlias, false),
        },
    };

    /// <summary>The name <c>sort_by=target_subject</c> orders by; null sorts last.</summary>
    public static string? SortName(Job job) => job.JobName.SubjectKind() switch
    {
        SubjectKind.Table => job.TargetModel,
        SubjectKind.Snapshot => job.SubjectHealth == SubjectHealth.SnapshotDeleted && job.State.IsFinal() ? null : job.TargetModel,
        SubjectKind.Project => job.Project,
        _ => job.SubjectHealth == SubjectHealth.ModelDeleted ? null : job.SubjectAlias,
    };

    /// <summary>The name the <c>key</c> filter matches: only a healthy subject has one.</summary>
    public static string? KeyName(Job job) => job.JobName.SubjectKind() switch
    {
        SubjectKind.Table => job.SubjectHealth == SubjectHealth.TableDeleted ? null : job.TargetModel,
        SubjectKind.Snapshot => job.SubjectHealth == SubjectHealth.SnapshotDeleted && job.State.IsFinal() ? null : job.TargetModel,
        SubjectKind.Project => job.Project,
        _ => job.SubjectHealth == SubjectHealth.Healthy ? job.SubjectAlias : null,
    };
}
