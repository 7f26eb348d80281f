using Vectra.Journal;
using Vectra.Journal.Writing;
using Vectra.Projections.Tests.Parquet;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Exports;

/// <summary>
/// <c>vectra export events</c> through the real binary: <c>project</c> writes no <c>events</c> files, the command writes
/// one row per journal record, and a later run adds only the records journaled since, each exactly once.
/// </summary>
public class ExportEventsCommandTests
{
    [Fact]
    public async Task Writes_every_record_once_and_later_runs_add_only_new_records()
    {
        using var folder = new TempFolder();
        var options = new SimulationOptions(12, 5, new DateTimeOffset(2025, 12, 31, 23, 50, 0, TimeSpan.Zero), SimulationFaults.Parse("dup-extended"));
        var records = FeedSimulator.Records(options).ToList();
        var half = records.Count / 2;
        await Append(folder.Path, records.Take(half));

        var project = await VectraProcess.RunAsync("project", "--data", folder.Path);
        Assert.True(project.ExitCode == 0, project.ToString());
        var events = Path.Combine(folder.Path, "exports", "doc_type=events");
        Assert.False(Directory.Exists(events) && Directory.EnumerateFiles(events, "*.parquet", SearchOption.AllDirectories).Any(), "project wrote events files");

        var first = await VectraProcess.RunAsync("export", "events", "--data", folder.Path);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal((half, half, 1L, (long)half), Rows(events));

        await Append(folder.Path, records.Skip(half));
        var second = await VectraProcess.RunAsync("export", "events", "--data", folder.Path);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal((records.Count, records.Count, 1L, (long)records.Count), Rows(events));
        Assert.Contains("export.events", second.Stdout, StringComparison.Ordinal);
    }

    private static async Task Append(string data, IEnumerable<Vectra.Journal.Records.JournalRecord> records)
    {
        using var writer = JournalWriter.Open(data, Durability.None);
        foreach (var chunk in records.Chunk(4000))
        {
            await writer.AppendExactAsync(chunk);
        }
    }

    /// <summary>Rows, distinct seqs, lowest and highest seq over every events file, as DuckDB reads them.</summary>
    private static (long Rows, long Seqs, long First, long Last) Rows(string events)
    {
        var files = ParquetChecker.SqlLiteral(Path.Combine(events, "**", "*.parquet"));
        var row = ParquetChecker.Query($"SELECT count(*), count(DISTINCT meta_seq), min(meta_seq), max(meta_seq) FROM read_parquet({files})")
            .GetProperty("rows")[0];
        long At(int i) => long.Parse(row[i].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return (At(0), At(1), At(2), At(3));
    }
}
