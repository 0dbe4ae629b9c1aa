using System.Globalization;
using System.Text.RegularExpressions;
using KylinMock.Control;
using KylinMock.Http;
using KylinMock.Jobs;

namespace KylinMock.Verification;

/// <summary>One journal entry read as the Kylin operation it called, with what it sent parsed.</summary>
public sealed partial class KylinCall
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

    private static KylinOperation OperationOf(string method, string path) => method switch
    {
        "GET" when JobsPath().IsMatch(path) => KylinOperation.GetJobList,
        "DELETE" when JobsPath().IsMatch(path) => KylinOperation.DropJobs,
        "PUT" when StatusPath().IsMatch(path) => KylinOperation.UpdateJobStatus,
        "GET" when DetailPath().IsMatch(path) => KylinOperation.GetJobDetail,
        "GET" when OutputPath().IsMatch(path) => KylinOperation.GetJobOutput,
        "GET" or "POST" when AuthenticationPath().IsMatch(path) => KylinOperation.UserAuthentication,
        _ => KylinOperation.Other,
    };

    [GeneratedRegex("^/kylin/api/jobs/?$")]
    private static partial Regex JobsPath();

    [GeneratedRegex("^/kylin/api/jobs/status/?$")]
    private static partial Regex StatusPath();

    [GeneratedRegex("^/kylin/api/jobs/.+/detail/?$")]
    private static partial Regex DetailPath();

    [GeneratedRegex("^/kylin/api/jobs/.+/steps/.+/output/?$")]
    private static partial Regex OutputPath();

    [GeneratedRegex("^/kylin/api/user/authentication/?$")]
    private static partial Regex AuthenticationPath();
}
