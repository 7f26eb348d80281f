using System.Security.Cryptography;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Rugs;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Runtime;

/// <summary>
/// Records a caller already read (a replay) are handed to the runner instead of being read again: in whatever
/// pieces they come (overlapping, with gaps, ahead of the checkpoints, twice), every record is applied exactly once
/// and the tables and export files are those of an ordinary catch-up.
/// </summary>
public sealed class HandedRecordsTests
{
    [Fact]
    public async Task Handed_pieces_give_the_views_and_exports_of_a_catch_up_and_each_record_is_applied_once()
    {
        var records = FeedSimulator.Records(SimulationOptions.Of(4, 15)).ToList();
        var poison = records.Count / 2;
        records[poison - 1] = records[poison - 1] with { Event = "poison", Args = "[{}]"u8.ToArray() };
        using var caughtUp = new TempFolder();
        using var handed = new TempFolder();
        await ProjectionHarness.JournalAsync(caughtUp.Path, records);
        await ProjectionHarness.JournalAsync(handed.Path, records);
        using (var runner = ProjectionRunner.Open(caughtUp.Path, [new CountingProjection(), .. ProjectionCatalog.All()]))
        {
            runner.CatchUp();
        }

        List<JournalRecord> stored;
        using (var journal = JournalReader.Open(handed.Path))
        {
            stored = journal.ReadSeqRange(1, journal.Tail).ToList();
        }
        var n = stored.Count;
        long applied = 0;
        using (var runner = ProjectionRunner.Open(handed.Path, [new CountingProjection(), .. ProjectionCatalog.All()]))
        {
            // Ahead of the checkpoints, overlapping the previous piece, after a gap, then everything again.
            applied += runner.Apply(stored[100..300]);
            applied += runner.Apply(stored[250..(n / 2 + 10)]);
            applied += runner.Apply(stored[(n / 2 + 200)..]);
            applied += runner.Apply(stored);
            Assert.Equal(0, runner.CatchUp());
            var states = runner.States().ToDictionary(s => s.Name);
            Assert.Equal((n, 1L), (states["counting"].Checkpoint, states["counting"].Quarantined));
            Assert.All(states.Values, state => Assert.Equal(n, state.Checkpoint));
        }

        Assert.Equal(n, applied);
        var counted = ProjectionHarness.Query(handed.Path, "SELECT seq FROM counted ORDER BY seq", r => r.GetInt64(0));
        Assert.Equal(Enumerable.Range(1, n).Select(seq => (long)seq).Where(seq => seq != poison), counted);
        Assert.Equal([(long)poison], ProjectionStates.Quarantined(handed.Path).Select(q => q.Seq));
        var tables = ViewsDump.RugsTables.Concat(ViewsDump.CaptureTables).ToArray();
        Assert.Equal(ViewsDump.Text(caughtUp.Path, tables), ViewsDump.Text(handed.Path, tables));
        Assert.Equal(ExportHashes(caughtUp.Path), ExportHashes(handed.Path));
    }

    private static List<(string File, string Sha256)> ExportHashes(string data)
    {
        var exports = Path.Combine(data, "exports");
        return Directory.EnumerateFiles(exports, "*.parquet", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(exports, file), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))))
            .Order()
            .ToList();
    }
}
