namespace KylinMock.Jobs;

/// <summary>The body of <c>PUT /kylin/api/jobs/status</c> (<c>JobUpdateRequest.java</c>).</summary>
/// <param name="Action">RESUME, DISCARD, PAUSE or RESTART (as sent).</param>
/// <param name="Project">The project, or null/blank for the global form.</param>
/// <param name="JobIds">The job ids; null only when the body says <c>"job_ids": null</c> (Kylin then fails with a NullPointerException).</param>
/// <param name="Statuses">Status names filtering the project's jobs, or null.</param>
public sealed record JobUpdateRequest(string? Action, string? Project, IReadOnlyList<string>? JobIds, IReadOnlyList<string>? Statuses);
