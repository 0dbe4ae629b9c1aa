using System.Text;
using KylinMock.Http;
using KylinMock.Sql;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KylinMock.Control;

/// <summary>
/// The query side of the control plane: a table's rows replaced (JSON <c>{"rows":[[...]]}</c> or CSV with a header line)
/// or exported (JSON, or CSV with <c>?format=csv</c>), the query latency knob, the queries running now, and the history.
/// </summary>
internal static class ControlQueries
{
    /// <summary><c>PUT /__kylinmock/tables/{project}/{table}/rows</c>.</summary>
    public static KylinAnswer ReplaceRows(ServerContext server, ControlCall call)
    {
        var text = call.BodyText.TrimStart();
        List<IReadOnlyList<string?>> rows;
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            var token = text.StartsWith('{') ? call.Body()["rows"] : call.Value();
            if (token is not JArray array || array.Any(r => r is not JArray))
            {
                throw new ControlException(400, "rows must be an array of arrays of cells: {\"rows\":[[\"1\",\"2012-01-01\"]]}");
            }

            rows = array.Select(r => (IReadOnlyList<string?>)r.Select(c => c.Type == JTokenType.Null ? null : ((JValue)c).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
        }
        else
        {
            // CSV: the first line names the columns (and is not a row).
            rows = Csv.Read(text).Skip(1).Select(r => (IReadOnlyList<string?>)r).ToList();
        }

        try
        {
            new KylinRows(server.Backend).Replace(call.Path["project"], call.Path["table"], rows);
        }
        catch (ArgumentException e)
        {
            throw new ControlException(400, e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw new ControlException(409, e.Message);
        }

        return KylinAnswer.Json(200, new JObject { ["rows"] = rows.Count });
    }

    /// <summary><c>GET /__kylinmock/tables/{project}/{table}/rows[?format=csv]</c>.</summary>
    public static KylinAnswer Rows(ServerContext server, ControlCall call)
    {
        IReadOnlyList<IReadOnlyList<string?>> rows;
        try
        {
            rows = new KylinRows(server.Backend).Read(call.Path["project"], call.Path["table"]);
        }
        catch (ArgumentException e)
        {
            throw new ControlException(404, e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw new ControlException(409, e.Message);
        }

        var columns = server.Backend.QueryEstate(call.Path["project"]).Tables.First(t => string.Equals(t.Identity, call.Path["table"], StringComparison.OrdinalIgnoreCase)).Columns.Select(c => c.Name).ToArray();
        if (string.Equals(call.Query("format"), "csv", StringComparison.OrdinalIgnoreCase))
        {
            var csv = new StringBuilder();
            Csv.Line(csv, columns);
            foreach (var row in rows)
            {
                Csv.Line(csv, row);
            }

            return new KylinAnswer(200, "text/csv;charset=utf-8", Encoding.UTF8.GetBytes(csv.ToString()));
        }

        return KylinAnswer.Json(200, new JObject { ["columns"] = new JArray(columns), ["rows"] = new JArray(rows.Select(r => new JArray(r.Select(c => c is null ? JValue.CreateNull() : new JValue(c))))) });
    }

    /// <summary><c>PUT /__kylinmock/query/latency</c> <c>{"ms":30000}</c>: how long each query waits before it runs.</summary>
    public static KylinAnswer Latency(ServerContext server, ControlCall call)
    {
        var ms = call.Body()["ms"];
        if (ms is not JValue { Type: JTokenType.Integer } value || (long)value < 0)
        {
            throw new ControlException(400, "ms must be a non-negative integer");
        }

        server.Backend.Queries.Latency = TimeSpan.FromMilliseconds((long)value);
        return KylinAnswer.Json(200, new JObject { ["ms"] = (long)value });
    }

    /// <summary><c>GET /__kylinmock/queries</c>: every project's query history, newest first, and the stop ids running now.</summary>
    public static KylinAnswer Queries(ServerContext server)
    {
        var history = new JArray(server.Backend.Queries.All().Select(q => new JObject
        {
            ["query_id"] = q.QueryId,
            ["project"] = q.Project,
            ["sql"] = q.SqlText,
            ["query_time"] = q.QueryTime,
            ["duration"] = q.Duration,
            ["submitter"] = q.Submitter,
            ["query_status"] = q.Status,
            ["engine_type"] = q.Answer.ExceptionMessage is null ? q.Answer.EngineType?.ToString() : null,
            ["realizations"] = new JArray(q.Answer.Realizations.Select(r => r.ModelAlias)),
            ["result_row_count"] = q.Answer.Rows.Count,
            ["error"] = q.Answer.ExceptionMessage,
        }));
        return KylinAnswer.Json(200, new JObject { ["running"] = new JArray(server.Backend.Queries.Running()), ["queries"] = history });
    }
}
