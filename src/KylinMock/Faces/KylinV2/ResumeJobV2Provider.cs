using KylinMock.Answers;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>PUT /kylin/api/jobs/{jobId}/resume</c> (<c>JobControllerV2.resume</c> → <c>JobService.manageJob</c>):
/// the job by id across the projects (KE-010032219), resumed by the same state machine as v4's batch
/// (KE-010032211 naming its ExecutableState unless ERROR or PAUSED), answered as the plain v4 job.
/// </summary>
internal sealed class ResumeJobV2Provider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var jobId = context.Path["jobId"];
        var (job, now) = server.Backend.ResumeJob(jobId);

        // getJobInstance → convert: the v4 response without old params or steps.
        var body = EnvelopeJson.Success(w => JobJson.WriteJob(w, job, now, withSteps: false));
        return new KylinAnswer(200, context.ContentType, body);
    }
}
