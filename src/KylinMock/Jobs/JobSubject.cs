namespace KylinMock.Jobs;

/// <summary>
/// The two names Kylin derives for a job's subject: what the response shows (<c>ExecutableResponse.create</c>)
/// and what the job table's <c>subject</c> column holds, which the list's <c>subject</c> and <c>key</c> match
/// (<c>JobInfoDao.constructJobInfo</c>).
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

        // No space before "not": ExecutableResponse.create appends the words to the table name as they are.
        SubjectKind.InternalTable => job.SubjectHealth == SubjectHealth.InternalTableDeleted
            ? (job.TargetModel + "not exist or has been deleted", true)
            : (job.TargetModel, false),
        SubjectKind.Cron => (job.TargetModel, false),
        _ => job.SubjectHealth switch
        {
            SubjectHealth.ModelDeleted => ("The model is deleted", true),
            SubjectHealth.ModelBroken => (job.SubjectAlias + " broken", true),
            _ => (job.SubjectAlias, false),
        },
    };

    /// <summary>
    /// The job table's <c>subject</c>: the table name for table, snapshot and internal table jobs, the type name
    /// for cron jobs, and the model's alias as it was when the job was written (a deleted model's jobs keep it).
    /// </summary>
    public static string? Column(Job job) => job.JobName.SubjectKind() switch
    {
        SubjectKind.Model => job.SubjectAlias,
        SubjectKind.Cron => job.JobName.ToString(),
        _ => job.TargetModel,
    };
}
