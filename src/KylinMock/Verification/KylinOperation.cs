namespace KylinMock.Verification;

/// <summary>The Kylin operations a journal entry can be, named after Kylin's controller methods.</summary>
public enum KylinOperation
{
    /// <summary><c>GET /kylin/api/jobs</c> (<c>JobController.getJobList</c>).</summary>
    GetJobList,

    /// <summary><c>PUT /kylin/api/jobs/status</c> (<c>JobController.updateJobStatus</c>).</summary>
    UpdateJobStatus,

    /// <summary><c>GET /kylin/api/jobs/{job_id}/detail</c> (<c>JobController.getJobDetail</c>).</summary>
    GetJobDetail,

    /// <summary><c>GET /kylin/api/jobs/{job_id}/steps/{step_id}/output</c> (<c>JobController.getJobOutput</c>).</summary>
    GetJobOutput,

    /// <summary><c>DELETE /kylin/api/jobs</c> (<c>JobController.dropJob</c>).</summary>
    DropJobs,

    /// <summary><c>GET</c> or <c>POST /kylin/api/user/authentication</c> (<c>NUserController.authenticate</c>).</summary>
    UserAuthentication,

    /// <summary>Another method on a Kylin path (answered 405).</summary>
    Other,

    /// <summary>A path no Kylin controller maps (answered 404).</summary>
    NotFound,

    /// <summary><c>GET /kylin/api/models/{model_name}/segments</c> (<c>SegmentController.getSegments</c>).</summary>
    GetSegments,

    /// <summary><c>POST /kylin/api/models/{model_name}/segments/check</c> (<c>SegmentController.checkSegments</c>).</summary>
    CheckSegments,

    /// <summary><c>POST /kylin/api/models/{model_name}/segments</c> (<c>SegmentController.buildSegmentsManually</c>).</summary>
    BuildSegments,

    /// <summary><c>PUT /kylin/api/models/{model_name}/segments</c> (<c>SegmentController.refreshOrMergeSegments</c>).</summary>
    RefreshOrMergeSegments,

    /// <summary><c>DELETE /kylin/api/models/{model_name}/segments</c> (<c>SegmentController.deleteSegments</c>).</summary>
    DeleteSegments,

    /// <summary><c>POST /kylin/api/models/{model_name}/indexes</c> (<c>SegmentController.buildIndicesManually</c>).</summary>
    BuildIndexes,

    /// <summary><c>POST /kylin/api/models/{model_name}/segments/completion</c> (<c>SegmentController.completeSegments</c>).</summary>
    CompleteSegments,

    /// <summary><c>POST /kylin/api/tables/sampling_jobs</c> (<c>SampleController.submitSampling</c>).</summary>
    SamplingJobs,

    /// <summary><c>POST</c> or <c>PUT /kylin/api/snapshots</c> (<c>SnapshotController.buildSnapshotsManually</c>, <c>refreshSnapshotsManually</c>).</summary>
    Snapshots,

    /// <summary><c>PUT /kylin/api/projects/{project}/snapshot_config</c> (<c>NProjectController.updateSnapshotConfig</c>).</summary>
    SnapshotConfig,

    /// <summary>v2 <c>GET /kylin/api/jobs</c> (<c>JobControllerV2.getJobList</c>); its parameters are camelCase.</summary>
    GetJobListV2,

    /// <summary>v2 <c>GET /kylin/api/jobs/{jobId}</c> (<c>JobControllerV2.getJob</c>).</summary>
    GetJobV2,

    /// <summary>v2 <c>PUT /kylin/api/jobs/{jobId}/resume</c> (<c>JobControllerV2.resume</c>).</summary>
    ResumeJobV2,

    /// <summary>v2 <c>PUT /kylin/api/cubes/{cubeName}/rebuild</c> (<c>SegmentControllerV2.rebuild</c>).</summary>
    RebuildCubeV2,

    /// <summary>v2 <c>PUT /kylin/api/cubes/{cubeName}/segments</c> (<c>SegmentControllerV2.manageSegments</c>).</summary>
    ManageSegmentsV2,
}
