using System.Globalization;
using KylinMock.Control;
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
        ListQuery = operation switch
        {
            KylinOperation.GetJobList => JobListQuery.Parse(request.Query),
            KylinOperation.GetJobListV2 => JobListQuery.ParseV2(request.Query),
            _ => null,
        };
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

    /// <summary>The parsed parameters of a <see cref="KylinOperation.GetJobList"/> or <see cref="KylinOperation.GetJobListV2"/> call (the latter read with v2's camelCase names); null for other operations.</summary>
    public JobListQuery? ListQuery { get; }

    /// <summary>Reads a journal entry.</summary>
    public static KylinCall From(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new KylinCall(entry, OperationOf(entry));
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

    // The journal names the route the request matched (KylinRoutes' line, by method and path): no path is matched again.
    private static KylinOperation OperationOf(JournalEntry entry) =>
        Enum.TryParse<KylinOperation>(entry.Operation, ignoreCase: false, out var operation) && Enum.IsDefined(operation) ? operation : KylinOperation.Other;
}
