using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>POST /kylin/api/models/{model_name}/segments/completion</c> (OpenSegmentController.completeSegments →
/// SegmentController.addIndexesToSegments → ModelBuildService.addIndexesToSegments), query parameters only:
/// project, ids xor names, batch_index_ids xor index_status (KE-010022220), the model, the names, index_status
/// (KE-010022221), at most 100 segments unless parallel (KE-010022222);
/// <c>{"jobs":[...],"failed_segments":[segment + "error"]}</c>, a blocked segment failing with KE-010032206.
/// </summary>
internal sealed class CompleteSegmentsProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var modelName = context.Path["model_name"];
        var project = SpringBinding.RequiredString(request, "project");
        var parallel = SpringBinding.Bool(request, "parallel", false);
        var ids = SpringBinding.Items(request, "ids");
        var names = SpringBinding.Items(request, "names");
        var batchIndexIds = SpringBinding.Items(request, "batch_index_ids");
        var indexStatus = SpringBinding.Items(request, "index_status");
        var priority = SpringBinding.Int(request, "priority", 3);
        var tag = SpringBinding.String(request, "tag");
        var (name, jobs, failed) = server.Backend.CompleteSegments(project, modelName, parallel, ids, names, batchIndexIds, indexStatus, priority, tag);
        var answer = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("jobs");
            JobInfoJson.WriteList(w, jobs);
            w.WritePropertyName("failed_segments");
            w.WriteStartArray();
            foreach (var row in failed)
            {
                SegmentJson.Write(w, name, row, oldParams: false, error =>
                {
                    error.WritePropertyName("error");
                    error.WriteStartObject();
                    error.Property("code", ErrorCode.JobCreateCheckFail.Code);
                    error.Property("msg", "Can't submit the job at the moment, as a building job for the same object already exists. Please try again later.");
                    error.WriteEndObject();
                });
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
