using KylinMock.Answers;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary><c>DELETE /kylin/api/jobs?project=&amp;job_ids=&amp;statuses=</c> (<c>JobController.dropJob</c>): final-state jobs only.</summary>
internal sealed class DropJobsProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var statuses = SpringBinding.StringList(request, "statuses");
        var jobIds = SpringBinding.StringList(request, "job_ids");
        var project = SpringBinding.String(request, "project");
        server.Backend.DropJobs(project, jobIds, statuses);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteValue(string.Empty)));
    }
}
