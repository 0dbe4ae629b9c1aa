namespace KylinMock.Jobs;

/// <summary>A segment in the job's <c>segments</c> list (<c>ExecutableResponse.SegmentResponse</c>).</summary>
/// <param name="Id">The segment id.</param>
/// <param name="StatusToDisplay">The segment status, for example ONLINE.</param>
internal sealed record JobSegment(string Id, string? StatusToDisplay);
