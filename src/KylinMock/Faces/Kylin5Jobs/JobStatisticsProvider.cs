using KylinMock.Answers;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/jobs/statistics</c>, <c>/statistics/count</c> and <c>/statistics/duration_per_byte</c>
/// (<c>JobController</c>, <c>JobService.getJobStats/getJobCount/getJobDurationPerByte</c>) over the live estate:
/// <c>project</c>, <c>start_time</c> and <c>end_time</c> (ms) are required, and <c>dimension</c> for the last two.
/// </summary>
internal sealed class JobStatisticsProvider(ServerContext server, JobStatisticsProvider.Kind kind) : IKylinOperation
{
    /// <summary>Which of the three calls.</summary>
    public enum Kind
    {
        /// <summary><c>/statistics</c>.</summary>
        Totals,

        /// <summary><c>/statistics/count</c>.</summary>
        Count,

        /// <summary><c>/statistics/duration_per_byte</c>.</summary>
        DurationPerByte,
    }

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = SpringBinding.RequiredString(request, "project");
        var start = SpringBinding.RequiredLong(request, "start_time");
        var end = SpringBinding.RequiredLong(request, "end_time");
        var dimension = kind == Kind.Totals ? string.Empty : SpringBinding.RequiredString(request, "dimension");
        if (kind == Kind.Totals)
        {
            var stats = server.Backend.JobStats(project, start, end);
            return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w =>
            {
                w.WriteStartObject();
                w.Property("count", stats.Count);
                w.Property("total_duration", stats.TotalDuration);
                w.Property("total_byte_size", stats.TotalByteSize);
                w.WriteEndObject();
            }));
        }

        var values = server.Backend.JobStatsBy(project, start, end, dimension, kind == Kind.DurationPerByte);
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            foreach (var (key, value) in values)
            {
                w.WritePropertyName(key);
                if (kind == Kind.Count)
                {
                    w.WriteValue((long)value);
                }
                else
                {
                    w.WriteValue(value);
                }
            }

            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
