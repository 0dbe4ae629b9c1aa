using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace KylinMock.Benchmarks.Harness;

/// <summary>The run's results: a console table and a machine-readable JSON file.</summary>
internal sealed class Report(BenchSettings settings, DateTimeOffset started, DateTimeOffset finished, string command, IReadOnlyList<ScenarioRow> rows)
{
    public string Table()
    {
        var lines = new List<string[]> { new[] { "scenario", "subject median", "p10..p90", "n", "baseline median", "ratio (p10..p90)", "target", "result" } };
        foreach (var row in rows)
        {
            var s = row.Subject.Figures;
            lines.Add(
            [
                row.Name,
                $"{Number(s.Median)} {row.Subject.Unit}",
                $"{Number(s.P10)}..{Number(s.P90)}",
                s.Repetitions.ToString(CultureInfo.InvariantCulture),
                row.Baseline is { } b ? $"{Number(b.Figures.Median)} {b.Unit}" : "-",
                row.Ratio is { } r ? $"{r.Median:0.00} ({r.P10:0.00}..{r.P90:0.00})" : "-",
                row.Target?.Text ?? "-",
                Verdict(row),
            ]);
        }

        var widths = Enumerable.Range(0, lines[0].Length).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        text.AppendLine(Machine.Describe() + (settings.Smoke ? "  [SMOKE: reduced sizes, not a measurement]" : string.Empty));
        foreach (var line in lines)
        {
            text.AppendLine(string.Join("  ", line.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }

        foreach (var row in rows.Where(r => r.Note is not null))
        {
            text.AppendLine($"{row.Name}: {row.Note}");
        }

        return text.ToString();
    }

    public void Write(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("mode", settings.Smoke ? "smoke" : "full");
        w.WriteString("started", started.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("finished", finished.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("command", command);
        w.WritePropertyName("machine");
        Machine.Write(w);
        w.WritePropertyName("scenarios");
        w.WriteStartArray();
        foreach (var row in rows)
        {
            w.WriteStartObject();
            w.WriteString("name", row.Name);
            w.WriteString("title", row.Title);
            w.WritePropertyName("subject");
            Write(w, row.Subject);
            if (row.Baseline is { } baseline)
            {
                w.WritePropertyName("baseline");
                Write(w, baseline);
            }

            if (row.Ratio is { } ratio)
            {
                w.WritePropertyName("ratio");
                Write(w, ratio);
            }

            if (row.Target is { } target)
            {
                w.WritePropertyName("target");
                w.WriteStartObject();
                w.WriteString("text", target.Text);
                w.WriteString("on", target.On);
                w.WriteString("comparison", target.AtLeast ? ">=" : "<=");
                w.WriteNumber("bound", target.Bound);
                w.WriteEndObject();
            }

            w.WritePropertyName("pass");
            if (Evaluated(row) && row.Pass is { } pass)
            {
                w.WriteBooleanValue(pass);
            }
            else
            {
                w.WriteNullValue();
            }

            if (row.Note is not null)
            {
                w.WriteString("note", row.Note);
            }

            if (row.Extra.Count > 0)
            {
                w.WritePropertyName("extra");
                JsonSerializer.Serialize(w, row.Extra);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Smoke runs shrink the sizes the targets are stated for: they prove the harness works, nothing more.
    private bool Evaluated(ScenarioRow row) => !settings.Smoke;

    private string Verdict(ScenarioRow row) => row.Pass switch
    {
        null => "-",
        _ when !Evaluated(row) => "(smoke)",
        true => "PASS",
        false => "FAIL",
    };

    private static void Write(Utf8JsonWriter w, Measurement m)
    {
        w.WriteStartObject();
        w.WriteString("label", m.Label);
        w.WriteString("unit", m.Unit);
        WriteFigures(w, m.Figures);
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, Summary s)
    {
        w.WriteStartObject();
        WriteFigures(w, s);
        w.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter w, Summary s)
    {
        w.WriteNumber("median", Round(s.Median));
        w.WriteNumber("p10", Round(s.P10));
        w.WriteNumber("p90", Round(s.P90));
        w.WriteNumber("min", Round(s.Min));
        w.WriteNumber("max", Round(s.Max));
        w.WriteNumber("repetitions", s.Repetitions);
        w.WriteStartArray("values");
        foreach (var v in s.Values)
        {
            w.WriteNumberValue(Round(v));
        }

        w.WriteEndArray();
    }

    private static double Round(double v) => double.IsFinite(v) ? Math.Round(v, v >= 100 ? 1 : 4) : 0;

    private static string Number(double v) => v switch
    {
        >= 10_000 => v.ToString("N0", CultureInfo.InvariantCulture),
        >= 100 => v.ToString("0.0", CultureInfo.InvariantCulture),
        _ => v.ToString("0.###", CultureInfo.InvariantCulture),
    };
}

/// <summary>The machine a run happened on.</summary>
internal static class Machine
{
    public static string Cpu => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
        : RuntimeInformation.ProcessArchitecture.ToString();

    public static double MemoryGiB
    {
        get
        {
            var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
            return line is null ? double.NaN : Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0, 1);
        }
    }

    public static string Gc => (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? ", non-concurrent" : ", concurrent");

    public static string Describe() =>
        $"{Cpu}, {Environment.ProcessorCount} cores, {MemoryGiB} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, GC {Gc}";

    public static void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("cpu", Cpu);
        w.WriteNumber("cores", Environment.ProcessorCount);
        w.WriteNumber("memory_gib", MemoryGiB);
        w.WriteString("os", RuntimeInformation.OSDescription);
        w.WriteString("runtime", RuntimeInformation.FrameworkDescription);
        w.WriteString("gc", Gc);
        w.WriteEndObject();
    }
}
