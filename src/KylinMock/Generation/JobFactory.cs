using Bogus;
using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// Makes one job after another from the seeded randomizer: its project, type and subject, its steps,
/// and its life up to the reference time. Hot path: no LINQ, no formatting beyond ids.
/// </summary>
internal sealed class JobFactory(Randomizer random, EstateDraft estate, PlanPool plans, long referenceMs, bool kylin4 = false)
{
    private const long Day = 86_400_000;

    // The tables with an unfinished sampling or snapshot job, by kind and project: the API's per-table rules
    // (TableSamplingService discards the older sampling job; SnapshotService refuses a second with KE-010032206).
    private readonly HashSet<(SubjectKind Kind, int Project, string Table)> busyTables = [];

    /// <summary>Makes the next job; <paramref name="lastDay"/> places it in the last day before the reference time.</summary>
    public Job Next(bool lastDay)
    {
        var projectIndex = PickProject();
        var project = estate.Projects[projectIndex];
        var shape = kylin4 ? JobShapes.PickKylin4(random) : JobShapes.Pick(random);
        var age = JobAges.Draw(random, lastDay);
        var script = JobLifeScript.Draw(random, shape, plans, age);
        if (shape.Kind is SubjectKind.Table or SubjectKind.Snapshot && !JobLifeScript.IsFinal(script.Outcome) && !HasFreeTable(shape.Kind, projectIndex))
        {
            // Every table of the project has its one unfinished job of this kind: this unfinished job builds a model instead.
            shape = ModelShape();
            script = JobLifeScript.Draw(random, shape, plans, age, script.Outcome);
        }

        var id = KylinUuid.Next(random);
        var health = DrawHealth(shape.Kind, script.Outcome);
        (string Target, string Alias, long Start, long End, string[] Segments) subject;
        if (shape.Kind == SubjectKind.Model)
        {
            var model = DrawModelSubject(projectIndex, shape, ref script, age, ref health);
            subject = model;

            // Model jobs are "<uuid>-<model uuid>" (JobParam's constructor); Kylin 4's are plain uuids.
            id = kylin4 ? id : id + "-" + model.Target;
        }
        else
        {
            subject = DrawSubject(projectIndex, shape, !JobLifeScript.IsFinal(script.Outcome));
        }

        var create = referenceMs - script.Age;
        var job = new Job
        {
            Id = id,
            Project = project.Name,
            JobName = shape.Type,
            TargetModel = subject.Target,
            SubjectAlias = subject.Alias,
            SubjectHealth = health,
            DataRangeStart = subject.Start,
            DataRangeEnd = subject.End,
            TargetSegments = subject.Segments,
            Submitter = random.Number(0, 9) < 8 ? "ADMIN" : estate.Users[random.Number(0, estate.Users.Length - 1)],
            DiscardSafety = random.Number(0, 9) != 0,
            TagJson = null,
            SnapshotDataRange = shape.Kind == SubjectKind.Snapshot ? (random.Number(0, 9) < 8 ? "FULL" : "INC") : null,
            JobSchedulerMode = "CHAIN",
            Version = "4.0.0.0",
            State = ExecutableState.READY,
            CreateTime = create,
            LastModified = create,
            ReadySince = create,
            Steps = MakeSteps(id, shape, create),
            Plan = script.Plan,
        };

        // A new job's history is empty; its life starts READY.
        job.history.Add(ExecutableState.READY);
        JobLifeScript.Play(job, script, referenceMs);
        return job;
    }

    // A model job's model and targets, agreeing with the model's segment history (SegmentBook). An
    // unfinished job that fits no model of its project is one a user discarded instead.
    private (string Target, string Alias, long Start, long End, string[] Segments) DrawModelSubject(
        int projectIndex, JobShape shape, ref LifeScript script, long age, ref SubjectHealth health)
    {
        var books = estate.Books[projectIndex];
        var first = random.Number(0, books.Length - 1);
        if (health == SubjectHealth.ModelDeleted)
        {
            var gone = estate.Deleted[projectIndex];
            var target = books[first].Target(random, shape.Type, blocks: false, discarded: true, referenceMs - script.Age);
            return (gone.Uuid, gone.Alias, target!.Value.Start, target.Value.End, target.Value.Segments);
        }

        var blocks = !JobLifeScript.IsFinal(script.Outcome);
        var discarded = script.Outcome is Outcome.Discarded or Outcome.Suicidal;
        for (var i = 0; i < books.Length; i++)
        {
            var book = books[(first + i) % books.Length];
            if (book.Target(random, shape.Type, blocks, discarded, referenceMs - script.Age) is { } target)
            {
                health = book.Model.Broken ? SubjectHealth.ModelBroken : SubjectHealth.Healthy;
                return (book.Model.Uuid, book.Model.Alias, target.Start, target.End, target.Segments);
            }
        }

        script = JobLifeScript.Draw(random, shape, plans, age, Outcome.Discarded);
        var model = books[first];
        var made = model.Target(random, shape.Type, blocks: false, discarded: true, referenceMs - script.Age)!.Value;
        health = model.Model.Broken ? SubjectHealth.ModelBroken : SubjectHealth.Healthy;
        return (model.Model.Uuid, model.Model.Alias, made.Start, made.End, made.Segments);
    }

    private int PickProject()
    {
        var weights = estate.ProjectWeights;
        var draw = random.Number(0, weights[^1] - 1);
        var i = 0;
        while (draw >= weights[i])
        {
            i++;
        }

        return i;
    }

    private bool HasFreeTable(SubjectKind kind, int projectIndex)
    {
        var tables = estate.Projects[projectIndex].Tables;
        for (var i = 0; i < tables.Count; i++)
        {
            if (!busyTables.Contains((kind, projectIndex, tables[i])))
            {
                return true;
            }
        }

        return false;
    }

    private JobShape ModelShape()
    {
        while (true)
        {
            var shape = kylin4 ? JobShapes.PickKylin4(random) : JobShapes.Pick(random);
            if (shape.Kind == SubjectKind.Model)
            {
                return shape;
            }
        }
    }

    // A table job that would be a second unfinished one of its kind on its table takes the next free table
    // (Next has made sure there is one).
    private (string Target, string Alias, long Start, long End, string[] Segments) DrawSubject(int projectIndex, JobShape shape, bool unfinished)
    {
        var project = estate.Projects[projectIndex];
        if (shape.Kind == SubjectKind.InternalTable)
        {
            // The project's internal tables are its first tables (InternalTableDrafts); a load is a full one.
            var table = project.Tables[random.Number(0, InternalTableDrafts.PerProject(project) - 1)];
            return (table, table, 0, long.MaxValue, []);
        }

        var first = random.Number(0, project.Tables.Count - 1);
        for (var i = 0; i < project.Tables.Count && unfinished; i++)
        {
            var table = project.Tables[(first + i) % project.Tables.Count];
            if (busyTables.Add((shape.Kind, projectIndex, table)))
            {
                return (table, table, 0, long.MaxValue, []);
            }
        }

        return (project.Tables[first], project.Tables[first], 0, long.MaxValue, []);
    }

    // About 2% of subjects are broken or gone (half of SUICIDAL jobs: Kylin discards a deleted model's jobs);
    // a deleted subject only behind a job that has ended.
    private SubjectHealth DrawHealth(SubjectKind kind, Outcome outcome)
    {
        if (random.Number(0, 999) >= (outcome == Outcome.Suicidal ? 500 : 20))
        {
            return SubjectHealth.Healthy;
        }

        var ended = JobLifeScript.IsFinal(outcome);
        return kind switch
        {
            SubjectKind.Model => ended && random.Number(0, 1) == 0 ? SubjectHealth.ModelDeleted : SubjectHealth.ModelBroken,
            SubjectKind.Table when ended => SubjectHealth.TableDeleted,
            SubjectKind.Snapshot when ended => SubjectHealth.SnapshotDeleted,
            _ => SubjectHealth.Healthy,
        };
    }

    private JobStep[] MakeSteps(string id, JobShape shape, long create)
    {
        var steps = new JobStep[shape.StepNames.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = new JobStep(id, i, shape.StepNames[i])
            {
                CreateTime = create,
                IndexCount = i == shape.IndexStep ? random.Number(1, 40) : 0,
            };
        }

        return steps;
    }
}
