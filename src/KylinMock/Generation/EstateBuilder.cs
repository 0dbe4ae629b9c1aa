using Bogus;
using Bogus.DataSets;
using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>The estate-level draws: projects with their models and tables, how busy each is, who submits jobs.</summary>
/// <param name="Projects">The projects, in the order they are listed.</param>
/// <param name="Books">Per project, per model (same order as <see cref="Project.Models"/>), its model and segment history.</param>
/// <param name="Tables">Every project's tables with their columns.</param>
/// <param name="Deleted">Per project, a model that is gone (the subject of jobs shown "The model is deleted").</param>
/// <param name="ProjectWeights">Cumulative activity weights, one per project, for picking a job's project.</param>
/// <param name="Users">Submitters other than ADMIN.</param>
internal sealed record EstateDraft(Project[] Projects, SegmentBook[][] Books, Models.TableDesc[] Tables, Model[] Deleted, int[] ProjectWeights, string[] Users);

/// <summary>Draws the estate (everything but the jobs) from the seeded randomizer.</summary>
internal static class EstateBuilder
{
    /// <summary>Draws 3-6 projects, each with 2-6 models and 3-10 tables, and a handful of users.</summary>
    public static EstateDraft Build(Randomizer random, long referenceMs)
    {
        var themes = new List<ProjectTheme>(EstateNames.Themes);
        var commerce = new Commerce("en") { Random = random };
        for (var i = 0; i < 2; i++)
        {
            // Bogus departments make projects beyond the curated list, so estates differ by seed.
            var department = Letters(commerce.Department(1)).ToLowerInvariant();
            var theme = MadeTheme(department);
            if (department.Length > 0 && !themes.Exists(t => t.Name == theme.Name))
            {
                themes.Add(theme);
            }
        }

        var projectCount = random.Number(3, 6);
        PartialShuffle(random, themes, projectCount);
        var projects = new Project[projectCount];
        var books = new SegmentBook[projectCount][];
        var tables = new List<Models.TableDesc>();
        var deleted = new Model[projectCount];
        var weights = new int[projectCount];
        var total = 0;
        for (var i = 0; i < projectCount; i++)
        {
            projects[i] = DrawProject(random, themes[i]);
            tables.AddRange(ModelDrafts.Tables(projects[i].Name, projects[i].Tables));
            books[i] = new SegmentBook[projects[i].Models.Count];
            for (var m = 0; m < books[i].Length; m++)
            {
                var model = projects[i].Models[m];
                books[i][m] = new SegmentBook(random, ModelDrafts.Draw(random, projects[i].Name, model.Uuid, model.Alias, projects[i].Tables, referenceMs), referenceMs);
            }

            deleted[i] = new Model(KylinUuid.Next(random), projects[i].Models[0].Alias + "_old");

            total += random.Number(1, 10);
            weights[i] = total;
        }

        return new EstateDraft(projects, books, [.. tables], deleted, weights, DrawUsers(random));
    }

    private static Project DrawProject(Randomizer random, ProjectTheme theme)
    {
        var tablePool = new List<string>(theme.Tables);
        foreach (var table in EstateNames.GenericTables)
        {
            if (tablePool.Count < 10 && !tablePool.Contains(table))
            {
                tablePool.Add(table);
            }
        }

        var tableCount = random.Number(3, 10);
        PartialShuffle(random, tablePool, tableCount);
        var tables = new string[tableCount];
        for (var i = 0; i < tableCount; i++)
        {
            tables[i] = theme.Database + "." + tablePool[i];
        }

        var aliasPool = new List<string>(theme.ModelAliases);
        var modelCount = random.Number(2, Math.Min(6, aliasPool.Count));
        PartialShuffle(random, aliasPool, modelCount);
        var models = new Model[modelCount];
        for (var i = 0; i < modelCount; i++)
        {
            models[i] = new Model(KylinUuid.Next(random), aliasPool[i]);
        }

        return new Project(theme.Name, models, tables);
    }

    private static string[] DrawUsers(Randomizer random)
    {
        var name = new Name("en") { Random = random };
        var users = new List<string>(EstateNames.FixedUsers);
        for (var i = 0; i < 3; i++)
        {
            // Login names in the common "jsmith" form.
            var user = Letters(name.FirstName()[..1] + name.LastName()).ToLowerInvariant();
            if (user.Length > 1 && !users.Contains(user))
            {
                users.Add(user);
            }
        }

        return [.. users];
    }

    private static ProjectTheme MadeTheme(string department) => new(
        department + "_analytics",
        department.ToUpperInvariant(),
        EstateNames.GenericTables,
        Array.ConvertAll(EstateNames.GenericModelSuffixes, suffix => department + suffix));

    // Moves `take` distinct random items to the front, in a seeded order.
    private static void PartialShuffle<T>(Randomizer random, List<T> items, int take)
    {
        for (var i = 0; i < take; i++)
        {
            var j = random.Number(i, items.Count - 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static string Letters(string text) => string.Concat(text.Where(char.IsAsciiLetter));
}
