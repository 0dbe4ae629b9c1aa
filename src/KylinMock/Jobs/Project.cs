namespace KylinMock.Jobs;

/// <summary>A Kylin project with the models and tables its jobs work on.</summary>
/// <param name="Name">The project name, in its stored case (Kylin matches it case-insensitively).</param>
/// <param name="Models">The project's models.</param>
/// <param name="Tables">The project's tables, as <c>DB.TABLE</c>.</param>
public sealed record Project(string Name, IReadOnlyList<Model> Models, IReadOnlyList<string> Tables)
{
    /// <summary>A project known only by its name.</summary>
    public Project(string name)
        : this(name, [], [])
    {
    }
}

/// <summary>A model: its uuid (<c>target_model</c>) and its alias (<c>target_subject</c>).</summary>
/// <param name="Uuid">The model's uuid.</param>
/// <param name="Alias">The model's alias.</param>
public sealed record Model(string Uuid, string Alias);
