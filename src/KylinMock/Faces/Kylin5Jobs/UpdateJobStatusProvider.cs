using KylinMock.Answers;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary><c>PUT /kylin/api/jobs/status</c> (<c>JobController.updateJobStatus</c>): reads the body, runs the batch, answers <c>""</c>.</summary>
internal sealed class UpdateJobStatusProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var update = JobUpdateRequestReader.Read(request.Body, request.Header("Content-Type"));
        server.Backend.UpdateJobStatus(update);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteValue(string.Empty)));
    }
}
