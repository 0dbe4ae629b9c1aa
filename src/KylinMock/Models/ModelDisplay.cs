namespace KylinMock.Models;

/// <summary>
/// What GET /models computes for a model from its segments (ModelService.convertModelStatusToDisplay,
/// NIndexPlanManager.getAvailableIndexesCount, NDataflow.calculateHoles).
/// </summary>
internal static class ModelDisplay
{
    /// <summary>
    /// BROKEN if broken; OFFLINE as stored; a stored ONLINE is shown WARNING when indexes are missing from
    /// the latest READY segment, there is a hole between segments, or a segment is WARNING.
    /// </summary>
    public static ModelStatus Status(DataModel model, IReadOnlyList<Segment> segments)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(segments);
        if (model.Broken)
        {
            return ModelStatus.BROKEN;
        }

        if (model.StoredStatus != ModelStatus.ONLINE)
        {
            return model.StoredStatus;
        }

        return EmptyIndexesCount(model, segments) > 0 || Holes(segments).Count > 0 || segments.Any(s => s.Status == SegmentStatus.WARNING)
            ? ModelStatus.WARNING
            : ModelStatus.ONLINE;
    }

    /// <summary>The layouts built into the latest READY (or WARNING) segment; 0 with none.</summary>
    public static int AvailableIndexesCount(DataModel model, IReadOnlyList<Segment> segments)
    {
        var latest = segments.LastOrDefault(s => s.Status != SegmentStatus.NEW);
        return latest is null ? 0 : Math.Min(latest.IndexCount, model.TotalIndexes);
    }

    /// <summary>
    /// The layouts missing from the latest READY segment: total minus available, so every layout of a model without a
    /// READY or WARNING segment (NDataModelResponse.computedDisplayInfo: <c>totalIndexes - availableIndexesCount</c>).
    /// </summary>
    public static int EmptyIndexesCount(DataModel model, IReadOnlyList<Segment> segments) =>
        model.TotalIndexes - AvailableIndexesCount(model, segments);

    /// <summary>The gaps between consecutive segments in range order, as (start, end) pairs.</summary>
    public static IReadOnlyList<(long Start, long End)> Holes(IReadOnlyList<Segment> segments)
    {
        var holes = new List<(long, long)>();
        for (var i = 1; i < segments.Count; i++)
        {
            if (segments[i - 1].End < segments[i].Start)
            {
                holes.Add((segments[i - 1].End, segments[i].Start));
            }
        }

        return holes;
    }

    /// <summary><c>last_build_end</c>: the last segment's range end as text, "" with no segments.</summary>
    public static string LastBuildEnd(IReadOnlyList<Segment> segments) =>
        segments.Count == 0 ? string.Empty : segments[^1].End.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>expansion_rate</c>: "0" without storage, "-1" without source, else storage / source × 100 to two decimals.</summary>
    public static string ExpansionRate(long storage, long source)
    {
        if (storage == 0)
        {
            return "0";
        }

        if (source == 0)
        {
            return "-1";
        }

        return Math.Round(storage * 100m / source, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
    }
}
