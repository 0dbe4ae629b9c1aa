namespace KylinMock.Models;

/// <summary>A model's status as Kylin shows it (<c>ModelStatusToDisplayEnum</c>).</summary>
public enum ModelStatus
{
    /// <summary>Serving queries.</summary>
    ONLINE,

    /// <summary>Not serving: never built, emptied, or taken offline.</summary>
    OFFLINE,

    /// <summary>Online with missing indexes, holes or WARNING segments.</summary>
    WARNING,

    /// <summary>The model's metadata is broken.</summary>
    BROKEN,

    /// <summary>Table-oriented models only.</summary>
    LAG_BEHIND,
}

/// <summary>A segment's stored status (<c>SegmentStatusEnum</c>).</summary>
public enum SegmentStatus
{
    /// <summary>Being built (or refreshed, or merged).</summary>
    NEW,

    /// <summary>Built.</summary>
    READY,

    /// <summary>Built, but its source changed.</summary>
    WARNING,
}
