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

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var body = RequestBody.Object(request, Method);
        var project = RequestBody.String(body, "project") ?? string.Empty;
        var table = RequestBody.String(body, "qualified_table_name")?.ToUpperInvariant();
        var rows = RequestBody.Int(body, "rows", 0);
        var priority = RequestBody.Int(body, "priority", 3);
        var tag = RequestBody.Raw(body, "tag");
        server.Backend.SampleTable(project, table, rows, priority, tag);
        var answer = EnvelopeJson.Success(w => w.WriteValue(string.Empty));
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
