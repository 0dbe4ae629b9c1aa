// Every fixture starts its own servers on free ports, so fixtures run in parallel.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
