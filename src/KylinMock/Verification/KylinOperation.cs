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
}
