using System.Globalization;
using KylinMock.Control;
using KylinMock.Http;
using KylinMock.Jobs;

namespace KylinMock.Verification;

/// <summary>One journal entry read as the Kylin operation it called, with what it sent parsed.</summary>
public sealed class KylinCall
{
    private KylinCall(JournalEntry request, KylinOperation operation)
    {
        Request = request;
        Operation = operation;
        StatusUpdate = operation == KylinOperation.UpdateJobStatus ? JobUpdateRequestText.Parse(request.Body) : null;
        ListQuery = operation == KylinOperation.GetJobList ? JobListQuery.Parse(request.Query) : null;
    }

    /// <summary>The request as the journal kept it.</summary>
    public JournalEntry Request { get; }

    /// <summary>The Kylin operation the request called.</summary>
    public KylinOperation Operation { get; }

    /// <summary>The request's number in the journal (its order).</summary>
    public long Sequence => Request.Sequence;

    /// <summary>When it arrived, on the server's clock.</summary>
    public DateTimeOffset Time => Request.Time;

    /// <summary>The HTTP status answered.</summary>
    public int Status => Request.Status;

    /// <summary>The body of a <see cref="KylinOperation.UpdateJobStatus"/> call as sent (all nulls when it is not a JSON object); null for other operations.</summary>
    public JobUpdateRequest? StatusUpdate { get; }

    /// <summary>The parsed parameters of a <see cref="KylinOperation.GetJobList"/> call; null for other operations.</summary>
    public JobListQuery? ListQuery { get; }

    /// <summary>Reads a journal entry.</summary>
    public static KylinCall From(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new KylinCall(entry, OperationOf(entry.Method.ToUpperInvariant(), entry.Path));
    }

    /// <summary>One line: sequence, time, method, path, status and what was sent.</summary>
    public override string ToString()
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"#{Sequence} {Time:HH:mm:ss.fff} {Request.Method} {Request.Path} -> {Status}");
        return StatusUpdate is not null ? $"{line}: {JobUpdateRequestText.Describe(StatusUpdate)}"
            : ListQuery is not null ? $"{line}: {ListQuery}"
            : Request.Query.Length > 0 ? $"{line}: {Request.Query}"
            : line;
    }

    // The route table's own templates (KylinRoutes), matched by the same PathTemplate, not a second set of regexes.
    private static readonly PathTemplate JobsPath = new("/kylin/api/jobs");
    private static readonly PathTemplate StatusPath = new("/kylin/api/jobs/status");
    private static readonly PathTemplate DetailPath = new("/kylin/api/jobs/{job_id:.+}/detail");
    private static readonly PathTemplate OutputPath = new("/kylin/api/jobs/{job_id:.+}/steps/{step_id:.+}/output");
    private static readonly PathTemplate AuthenticationPath = new("/kylin/api/user/authentication");

    private static KylinOperation OperationOf(string method, string path) => method switch
    {
        "GET" when JobsPath.TryMatch(path, out _) => KylinOperation.GetJobList,
        "DELETE" when JobsPath.TryMatch(path, out _) => KylinOperation.DropJobs,
        "PUT" when StatusPath.TryMatch(path, out _) => KylinOperation.UpdateJobStatus,
        "GET" when DetailPath.TryMatch(path, out _) => KylinOperation.GetJobDetail,
        "GET" when OutputPath.TryMatch(path, out _) => KylinOperation.GetJobOutput,
        "GET" or "POST" when AuthenticationPath.TryMatch(path, out _) => KylinOperation.UserAuthentication,
        _ => KylinOperation.Other,
    };
}
