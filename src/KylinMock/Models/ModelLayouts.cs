using KylinMock.Errors;

namespace KylinMock.Models;

/// <summary>
/// A model's layouts as the mock keeps them: the index plan has <see cref="DataModel.TotalIndexes"/> layouts, with Kylin's
/// ids (agg layouts 1, 10001, 20001, …; the last one the base table layout 20000000001), and a segment holds the first
/// <see cref="Segment.IndexCount"/> of them. A build naming <c>batch_index_ids</c> builds only those (JobParam.setTargetLayouts).
/// </summary>
internal static class ModelLayouts
{
    private const long TableLayout = 20_000_000_001;

    /// <summary>The layout ids of a plan of <paramref name="total"/> layouts, in order.</summary>
    public static IReadOnlyList<long> Ids(int total)
    {
        var ids = new long[Math.Max(0, total)];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = i == ids.Length - 1 && ids.Length > 1 ? TableLayout : (i * 10_000L) + 1;
        }

        return ids;
    }

    /// <summary>
    /// SegmentBuildJobUtil/RefreshJobUtil.computeLayout with target layouts: the plan's layouts among
    /// <paramref name="batch"/>; none is ExecutableUtil.checkLayoutsNotEmpty's KE-010032202. Null when no batch was named.
    /// </summary>
    public static IReadOnlyList<long>? Targets(DataModel model, IReadOnlyList<long>? batch)
    {
        if (batch is not { Count: > 0 })
        {
            return null;
        }

        var chosen = Ids(model.TotalIndexes).Where(batch.Contains).ToArray();
        return chosen.Length > 0 ? chosen : throw new KylinException(ErrorCode.JobCreateCheckSegmentFail);
    }

    /// <summary>IndexBuildJobUtil.computeLayout: the targets (all layouts without a batch) that some of <paramref name="segments"/> lacks.</summary>
    public static IReadOnlyList<long> Missing(DataModel model, IReadOnlyList<Segment> segments, IReadOnlyList<long>? batch)
    {
        var all = Ids(model.TotalIndexes);
        var everywhere = segments.Count == 0 ? 0 : segments.Min(s => s.IndexCount);
        return all.Where((id, i) => i >= everywhere && (batch is not { Count: > 0 } || batch.Contains(id))).ToArray();
    }

    /// <summary>How many layouts a segment holds after a job built <paramref name="built"/> into it (all when null).</summary>
    public static int CountAfter(DataModel model, Segment segment, IReadOnlyList<long>? built, bool replaces)
    {
        if (built is null)
        {
            return model.TotalIndexes;
        }

        if (replaces)
        {
            return built.Count;
        }

        var held = Ids(model.TotalIndexes).Take(segment.IndexCount).ToHashSet();
        return Math.Min(model.TotalIndexes, segment.IndexCount + built.Count(id => !held.Contains(id)));
    }
}
