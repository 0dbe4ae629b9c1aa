namespace KylinMock.Jobs;

/// <summary>
/// Whether the thing a job works on still exists. Kylin reports a missing or broken subject with
/// <c>target_subject_error</c> and a special <c>target_subject</c> (<c>ExecutableResponse.create</c>).
/// </summary>
internal enum SubjectHealth
{
    /// <summary>The model or table exists.</summary>
    Healthy,

    /// <summary>The model is broken: <c>"&lt;alias&gt; broken"</c>.</summary>
    ModelBroken,

    /// <summary>The model is gone: <c>"The model is deleted"</c>.</summary>
    ModelDeleted,

    /// <summary>The sampled table is gone: <c>"&lt;table&gt; deleted"</c>.</summary>
    TableDeleted,

    /// <summary>The snapshot's table or snapshot is gone: <c>"The snapshot is deleted"</c> once the job is final.</summary>
    SnapshotDeleted,

    /// <summary>The internal table is gone: <c>"&lt;table&gt;not exist or has been deleted"</c>.</summary>
    InternalTableDeleted,
}
