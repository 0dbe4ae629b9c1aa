using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>POST /kylin/api/tables/sampling_jobs</c> (OpenSampleController.submitSampling → SampleController →
/// TableSamplingService.sampling): project, the table name upper-cased, tag, rows, table name, priority;
/// an unfinished sampling job of the same table is discarded (not refused), a new TABLE_SAMPLING job made;
/// data is "" (no job id).
/// </summary>
internal sealed class SamplingJobsProvider(ServerContext server) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<java.lang.String> org.apache.kylin.rest.controller.open.OpenSampleController.submitSampling(org.apache.kylin.rest.request.SamplingRequest)";

    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.SamplingRequest", Method,
        new("project", BodyKind.String), new("qualified_table_name", BodyKind.String), new("rows", BodyKind.Int), new("priority", BodyKind.Int), new("tag", BodyKind.Raw));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var body = RequestBody.Read(request, Shape);
        var project = body.String("project") ?? string.Empty;
        var table = body.String("qualified_table_name")?.ToUpperInvariant();
        var rows = body.Int("rows", 0);
        var priority = body.Int("priority", 3);
        var tag = body.String("tag");
        server.Backend.SampleTable(project, table, rows, priority, tag);
        var answer = EnvelopeJson.Success(w => w.WriteValue(string.Empty));
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
