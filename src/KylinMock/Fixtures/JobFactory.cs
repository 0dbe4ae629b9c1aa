using Bogus;
using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// Makes one job after another from the seeded randomizer: its project, type and subject, its steps,
/// and its life up to the reference time. Hot path: no LINQ, no formatting beyond ids.
/// </summary>
internal sealed class JobFactory(Randomizer random, EstateDraft estate, PlanPool plans, long referenceMs)
{
    private const long Day = 86_400_000;

    /// <summary>Makes the next job; <paramref name="lastDay"/> places it in the last day before the reference time.</summary>
    public Job Next(bool lastDay)
    {
        var projectIndex = PickProject();
        var project = estate.Projects[projectIndex];
        var shape = JobShapes.Pick(random);
        var script = JobLifeScript.Draw(random, shape, plans, JobAges.Draw(random, lastDay));
        var create = referenceMs - script.Age;
        var id = KylinUuid.Next(random);

        var subject = DrawSubject(projectIndex, shape, create);
        var job = new Job
        {
            Id = id,
            Project = project.Name,
            JobName = shape.Type,
            TargetModel = subject.Target,
            SubjectAlias = subject.Alias,
            SubjectHealth = DrawHealth(shape.Kind, script.Outcome),
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

    private (string Target, string Alias, long Start, long End, string[] Segments) DrawSubject(int projectIndex, JobShape shape, long create)
    {
        var project = estate.Projects[projectIndex];
        switch (shape.Kind)
        {
            case SubjectKind.Model:
                var modelIndex = random.Number(0, project.Models.Count - 1);
                var model = project.Models[modelIndex];
                var segments = estate.Segments[projectIndex][modelIndex].Pick(random, random.Number(shape.Segments.Min, shape.Segments.Max));

                // Whole UTC days ending up to three days before the job was created.
                var end = ((create / Day) - random.Number(0, 3)) * Day;
                var start = end - (random.Number(shape.RangeDays.Min, shape.RangeDays.Max) * Day);
                return (model.Uuid, model.Alias, start, end, segments);
            case SubjectKind.Project:
                return (project.Name, project.Name, 0, long.MaxValue, []);
            default:
                var table = project.Tables[random.Number(0, project.Tables.Count - 1)];
                return (table, table, 0, long.MaxValue, []);
        }
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
