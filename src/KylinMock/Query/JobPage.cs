using KylinMock.Jobs;

namespace KylinMock.Query;

/// <summary>One page of a job list: the jobs to show and how many matched in all (<c>DataResult</c>).</summary>
/// <param name="Jobs">The page, in Kylin's order.</param>
/// <param name="TotalSize">How many jobs matched the filters.</param>
internal sealed record JobPage(IReadOnlyList<Job> Jobs, int TotalSize);
