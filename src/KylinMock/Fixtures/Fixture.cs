using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>What a fixture file holds: an estate and, when it was generated, how.</summary>
/// <param name="Estate">The projects and jobs.</param>
/// <param name="Origin">The generator inputs that reproduce the file, or null for captured or hand-written files.</param>
internal sealed record Fixture(Estate Estate, FixtureOrigin? Origin);

/// <summary>The generator inputs recorded in a generated fixture file.</summary>
/// <param name="Seed">The Bogus seed.</param>
/// <param name="JobCount">How many jobs.</param>
/// <param name="ReferenceTime">The instant the estate is generated relative to.</param>
internal sealed record FixtureOrigin(int Seed, int JobCount, DateTimeOffset ReferenceTime);
