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
    private const int MinRows = 10_000;
    private const int MaxRows = 20_000_000;
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
        var answer = server.Store.Write(view =>
        {
            var name = ModelNames.Project(view, project);
            var tagJson = BuildRequestChecks.Tag(tag);
            if (rows is < MinRows or > MaxRows)
            {
                throw new KylinException(ErrorCode.JobSamplingRangeInvalid, MinRows, MaxRows);
            }

            CheckTableName(table);
            BuildRequestChecks.Priority(priority);
            var desc = view.Catalog.Tables(name).FirstOrDefault(t => string.Equals(t.Identity, table, StringComparison.OrdinalIgnoreCase))
                // NTableSamplingJob.create: Preconditions.checkArgument (IllegalArgumentException, 400; status inferred).
                ?? throw KylinException.WithRaw(ErrorCode.InvalidParameter, "Create table sampling job failed for table not exist!").WithStatus(400);
            var identity = desc.Identity.ToUpperInvariant();
            foreach (var job in Running(view, name, identity))
            {
                view.Change(job, JobAction.DISCARD);
            }

            view.Submit(new JobOrder(name, JobType.TABLE_SAMPLING, identity, new JobPlan()) { TagJson = tagJson, Id = view.NewUuid() });
            return EnvelopeJson.Success(w => w.WriteValue(string.Empty));
        });
        return new KylinAnswer(200, context.ContentType, answer);
    }

    // TableSamplingService.checkSamplingTable.
    private static void CheckTableName(string? table)
    {
        if (string.IsNullOrWhiteSpace(table))
        {
            throw KylinException.WithRaw(ErrorCode.InvalidTableName, "Can’t perform table sampling. Please select at least one table.");
        }

        if (table.Contains(' ', StringComparison.Ordinal) || table.Split('.').Length != 2)
        {
            throw KylinException.WithRaw(ErrorCode.InvalidTableName, "The name of table for sampling is invalid. Please enter a table name like “database.table”. ");
        }
    }

    // collectRunningSamplingJobs: the table's unfinished TABLE_SAMPLING jobs of the project.
    private static List<Job> Running(JobStore.StoreView view, string project, string table)
    {
        var found = new List<Job>();
        foreach (var job in view.Jobs)
        {
            if (job.JobName == JobType.TABLE_SAMPLING && !job.State.IsFinal() && job.TargetModel == table
                && string.Equals(job.Project, project, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(job);
            }
        }

        return found;
    }
}
