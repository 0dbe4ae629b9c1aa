namespace KylinMock.Fixtures;

/// <summary>A fixture file that cannot be loaded; the message names the file, the job and the field.</summary>
public sealed class FixtureException : Exception
{
    /// <summary>A fixture problem described by <paramref name="message"/>.</summary>
    public FixtureException(string message)
        : base(message)
    {
    }

    /// <summary>A fixture problem caused by <paramref name="inner"/>.</summary>
    public FixtureException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
