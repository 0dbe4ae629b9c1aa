using KylinMock.Answers;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>GET /kylin/api/jobs/{jobId}</c> (<c>JobControllerV2.getJob</c>): the job looked up by id across
/// the projects (<c>JobService.getJobInstance</c>, KE-010032219 when none has it), with its old params.
/// </summary>
internal sealed class GetJobV2Provider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var jobId = context.Path["jobId"];
        var (job, now) = server.Backend.GetJob(jobId);
        var body = EnvelopeJson.Success(w => JobJson.WriteJobWithOldParams(w, job, now));
        return new KylinAnswer(200, context.ContentType, body);
    }
}
