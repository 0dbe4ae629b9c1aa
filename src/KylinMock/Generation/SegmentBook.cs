using Bogus;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Fixtures;

/// <summary>What a generated model job works on: its target segments and data range.</summary>
/// <param name="Segments">The target segment ids (shared, never changed).</param>
/// <param name="Start">Data range start, epoch ms.</param>
/// <param name="End">Data range end, epoch ms.</param>
internal readonly record struct JobTarget(string[] Segments, long Start, long End);

/// <summary>
/// One model's segment history while its jobs are generated. Partitioned models hold contiguous daily
/// segments (some merged), full-build ones one FULL_BUILD segment; 1 in 10 models has none. Jobs ask it
/// for their targets so that they agree with it: an unfinished build appends a NEW segment, an unfinished
/// refresh adds a NEW copy, an unfinished merge a NEW merged segment, an unfinished index build takes
/// READY ones; no two unfinished jobs share a segment (Kylin's KE-010032206), at most
/// <see cref="MaxBlocking"/> per model. A finished job names a segment that exists and that it made; a
/// discarded build, refresh or merge names one that is gone (Kylin removes it on discard).
/// </summary>
internal sealed class SegmentBook
{
    /// <summary>The most unfinished jobs a generated model carries.</summary>
    public const int MaxBlocking = 4;

    private const long Day = 86_400_000;
    private readonly List<Segment> segments = [];
    private readonly List<string[]> self = [];
    private readonly List<bool> reserved = [];
    private readonly List<int> ready = [];
    private readonly List<int> mergedIndexes = [];
    private long appendAt;
    private int blocking;

    /// <summary>Draws the model's segments as of <paramref name="referenceMs"/>.</summary>
    public SegmentBook(Randomizer random, DataModel model, long referenceMs)
    {
        var empty = random.Number(0, 9) == 0;
        var gridSlots = random.Number(8, 40);
        var gridEnd = ((referenceMs / Day) - random.Number(1, 3)) * Day;
        var gridStart = gridEnd - (gridSlots * Day);
        appendAt = gridStart;
        if (!empty && model.PartitionDesc is null)
        {
            Add(random, model, 0, Segment.InfiniteEnd, merged: false, referenceMs - (random.Number(1, 200) * Day));
        }
        else if (!empty)
        {
            for (var slot = 0; slot < gridSlots;)
            {
                var length = Math.Min(random.Number(0, 9) == 0 ? random.Number(2, 4) : 1, gridSlots - slot);
                var start = gridStart + (slot * Day);
                Add(random, model, start, start + (length * Day), length > 1, start + (length * Day) + random.Number(3_600_000, 20 * 3_600_000));
                slot += length;
            }

            appendAt = gridEnd;
        }

        Model = model with { StoredStatus = segments.Count > 0 ? ModelStatus.ONLINE : ModelStatus.OFFLINE };
    }

    /// <summary>The model (ONLINE once it has a segment).</summary>
    public DataModel Model { get; }

    /// <summary>The segments, in range order once generation ends.</summary>
    public IEnumerable<Segment> Segments => segments.OrderBy(s => s.Start).ThenBy(s => s.End);

    /// <summary>
    /// The targets of a job of <paramref name="type"/> that is unfinished (<paramref name="blocks"/>),
    /// finished, or discarded; null when an unfinished job cannot fit the model.
    /// </summary>
    public JobTarget? Target(Randomizer random, JobType type, bool blocks, bool discarded, long create)
    {
        var full = Model.PartitionDesc is null;
        if (blocks)
        {
            return blocking >= MaxBlocking ? null : Reserve(random, type, full, create);
        }

        var makesSegment = type is JobType.INC_BUILD or JobType.INDEX_REFRESH or JobType.INDEX_MERGE;
        if (discarded && makesSegment)
        {
            return Gone(random, type, full, create);
        }

        return type switch
        {
            JobType.INC_BUILD or JobType.INDEX_REFRESH when ready.Count > 0 => Existing(random, Of(ready[random.Number(0, ready.Count - 1)]), type, full, create),
            JobType.INDEX_MERGE when mergedIndexes.Count > 0 => Existing(random, Of(mergedIndexes[random.Number(0, mergedIndexes.Count - 1)]), type, full, create),
            JobType.INC_BUILD or JobType.INDEX_REFRESH or JobType.INDEX_MERGE => Gone(random, type, full, create),
            _ => Existing(random, Run(random, requireFree: false), type, full, create),
        };
    }

    // A job built data of its past only: a segment newer than the job was made by a later job.
    private static JobTarget Existing(Randomizer random, JobTarget? found, JobType type, bool full, long create) =>
        found is { } t && (t.End <= create || full) ? t : Gone(random, type, full, create);

    // An unfinished job's targets, data of its past only (before `create`), taken so no other unfinished job shares them.
    private JobTarget? Reserve(Randomizer random, JobType type, bool full, long create)
    {
        JobTarget? target = null;
        switch (type)
        {
            case JobType.INC_BUILD when full:
                target = segments.Count == 0 ? New(random, 0, Segment.InfiniteEnd, create, merged: false) : null;
                break;
            case JobType.INC_BUILD when appendAt + Day <= create:
                target = New(random, appendAt, appendAt + Day, create, merged: false);
                appendAt += Day;
                break;
            case JobType.INC_BUILD:
                break;
            case JobType.INDEX_REFRESH:
                var free = FreeReady(random);
                target = free >= 0 && (full || segments[free].End <= create) ? Copy(random, free, create) : null;
                break;
            case JobType.INDEX_MERGE when !full:
                target = Run(random, requireFree: true, minLength: 2) is { } run && run.End <= create ? Merge(random, run, create) : null;
                break;
            case JobType.INDEX_MERGE:
                break;
            default:
                if (Run(random, requireFree: true) is { } taken && (full || taken.End <= create))
                {
                    foreach (var id in taken.Segments)
                    {
                        reserved[segments.FindIndex(s => s.Id == id)] = true;
                    }

                    target = taken;
                }

                break;
        }

        if (target is not null)
        {
            blocking++;
        }

        return target;
    }

    // 1-4 (or at least minLength) adjacent built segments with no gap, none taken by an unfinished job when asked.
    private JobTarget? Run(Randomizer random, bool requireFree, int minLength = 1)
    {
        if (ready.Count < minLength)
        {
            return null;
        }

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var length = random.Number(minLength, Math.Min(minLength == 1 ? 3 : 4, ready.Count));
            var first = random.Number(0, ready.Count - length);
            var ok = true;
            for (var i = first; i < first + length && ok; i++)
            {
                ok = (!requireFree || !reserved[ready[i]]) && (i == first || segments[ready[i - 1]].End == segments[ready[i]].Start);
            }

            if (!ok)
            {
                continue;
            }

            if (length == 1)
            {
                return Of(ready[first]);
            }

            var ids = new string[length];
            for (var i = 0; i < length; i++)
            {
                ids[i] = segments[ready[first + i]].Id;
            }

            return new JobTarget(ids, segments[ready[first]].Start, segments[ready[first + length - 1]].End);
        }

        return null;
    }

    private int FreeReady(Randomizer random)
    {
        for (var attempt = 0; attempt < 4 && ready.Count > 0; attempt++)
        {
            var pick = ready[random.Number(0, ready.Count - 1)];
            if (!reserved[pick])
            {
                return pick;
            }
        }

        return -1;
    }

    private JobTarget Copy(Randomizer random, int original, long create)
    {
        reserved[original] = true;
        var source = segments[original];
        return New(random, source.Start, source.End, create, source.Merged);
    }

    private JobTarget Merge(Randomizer random, JobTarget run, long create)
    {
        foreach (var id in run.Segments)
        {
            reserved[segments.FindIndex(s => s.Id == id)] = true;
        }

        return New(random, run.Start, run.End, create, merged: true);
    }

    // A NEW segment an unfinished job builds; no other job may take it.
    private JobTarget New(Randomizer random, long start, long end, long create, bool merged)
    {
        segments.Add(new Segment
        {
            Id = KylinUuid.Next(random),
            ModelUuid = Model?.Uuid ?? string.Empty,
            Name = SegmentNames.Make(start, end, TimeZoneInfo.Utc),
            Start = start,
            End = end,
            Status = SegmentStatus.NEW,
            CreateTime = create,
            Merged = merged,
        });
        self.Add([segments[^1].Id]);
        reserved.Add(true);
        return new JobTarget(self[^1], start, end);
    }

    // A segment the job made that has since gone (discarded, or refreshed or merged away): whole UTC days
    // ending up to three days before the job was created.
    private static JobTarget Gone(Randomizer random, JobType type, bool full, long create)
    {
        if (full)
        {
            return new JobTarget([KylinUuid.Next(random)], 0, Segment.InfiniteEnd);
        }

        var end = ((create / Day) - random.Number(0, 3)) * Day;
        var length = type == JobType.INDEX_MERGE ? random.Number(2, 4) : 1;
        return new JobTarget([KylinUuid.Next(random)], end - (length * Day), end);
    }

    private JobTarget Of(int index) => new(self[index], segments[index].Start, segments[index].End);

    private void Add(Randomizer random, DataModel model, long start, long end, bool merged, long built)
    {
        var rows = random.Number(1_000, 5_000_000);
        var indexes = random.Number(0, 9) == 0 ? Math.Max(1, model.TotalIndexes - 1) : model.TotalIndexes;
        segments.Add(new Segment
        {
            Id = KylinUuid.Next(random),
            ModelUuid = model.Uuid,
            Name = SegmentNames.Make(start, end, TimeZoneInfo.Utc),
            Start = start,
            End = end,
            Status = random.Number(0, 29) == 0 ? SegmentStatus.WARNING : SegmentStatus.READY,
            CreateTime = built - random.Number(60_000, 3_600_000),
            LastBuildTime = built,
            SourceCount = rows,
            SourceBytesSize = rows * 80L,
            BytesSize = rows * 12L,
            RowCount = rows / random.Number(1, 20),
            IndexCount = indexes,
            IndexCountTotal = indexes,
            FileCount = random.Number(1, 40),
            HitCount = random.Number(0, 500),
            Merged = merged,
        });
        self.Add([segments[^1].Id]);
        reserved.Add(false);
        ready.Add(segments.Count - 1);
        if (merged)
        {
            mergedIndexes.Add(segments.Count - 1);
        }
    }
}
