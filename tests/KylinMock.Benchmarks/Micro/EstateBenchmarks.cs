using System.Text;
using BenchmarkDotNet.Attributes;
using KylinMock.Benchmarks.Harness;
using KylinMock.Fixtures;

namespace KylinMock.Benchmarks.Micro;

/// <summary>Making an estate: generating 10,000 jobs, and reading a 10,000-job fixture against a bare tokenizing pass over its bytes.</summary>
[MemoryDiagnoser]
public class EstateBenchmarks
{
    private const int Jobs = 10_000;
    private string text = string.Empty;
    private byte[] bytes = [];

    /// <summary>Writes the fixture once, in memory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var path = Path.GetTempFileName();
        try
        {
            FixtureWriter.Write(path, new Fixture(JobGenerator.Generate(42, Jobs, Reference.Now), new FixtureOrigin(42, Jobs, Reference.Now)), Reference.Now.ToUnixTimeMilliseconds());
            text = File.ReadAllText(path);
            bytes = Encoding.UTF8.GetBytes(text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary><c>JobGenerator.Generate(42, 10,000, …)</c>, steps included.</summary>
    [Benchmark]
    public int Generate() => JobGenerator.Generate(42, Jobs, Reference.Now).Jobs.Count;

    /// <summary>Every token of the fixture, nothing built: the floor for reading it.</summary>
    [Benchmark(Baseline = true)]
    public long Tokenize()
    {
        var reader = new System.Text.Json.Utf8JsonReader(bytes);
        long tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary><c>FixtureReader.Read</c> of the whole fixture into jobs.</summary>
    [Benchmark]
    public int ReadFixture() => FixtureReader.Read(new StringReader(text), "bench.json").Estate.Jobs.Count;
}
