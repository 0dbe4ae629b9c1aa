namespace KylinMock.Jobs;

/// <summary>A Kylin estate: its projects and its jobs in storage order.</summary>
/// <param name="Projects">The projects (every job's project among them).</param>
/// <param name="Jobs">The jobs, in the order Kylin stores them.</param>
public sealed record Estate(IReadOnlyList<Project> Projects, IReadOnlyList<Job> Jobs)
{
    /// <summary>The tables, models and segments; null derives them from the projects and jobs (a fixture from before models).</summary>
    internal Models.ModelEstate? Models { get; init; }
}
