using System.Globalization;
using KylinMock.Jobs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KylinMock.Verification;

/// <summary>
/// A journaled <c>PUT /kylin/api/jobs/status</c> body read leniently into Kylin's <see cref="JobUpdateRequest"/>:
/// a field missing or of another shape is null, and a body that is not a JSON object reads as all nulls.
/// </summary>
internal static class JobUpdateRequestText
{
    public static JobUpdateRequest Parse(string? body)
    {
        try
        {
            if (JToken.Parse(body ?? string.Empty) is JObject json)
            {
                return new JobUpdateRequest(Text(json["action"]), Text(json["project"]), Texts(json["job_ids"]), Texts(json["statuses"]));
            }
        }
        catch (JsonReaderException)
        {
        }

        return new JobUpdateRequest(null, null, null, null);
    }

    public static string Describe(JobUpdateRequest update) =>
        $"action {update.Action ?? "(none)"}, job_ids [{string.Join(", ", update.JobIds ?? [])}], project {update.Project ?? "(none)"}" +
        (update.Statuses is { Count: > 0 } statuses ? $", statuses [{string.Join(", ", statuses)}]" : string.Empty);

    private static string? Text(JToken? token) =>
        token is JValue { Value: not null } value ? value.ToString(CultureInfo.InvariantCulture) : null;

    private static string[]? Texts(JToken? token) => token is JArray array ? array.Select(Text).OfType<string>().ToArray() : null;
}
