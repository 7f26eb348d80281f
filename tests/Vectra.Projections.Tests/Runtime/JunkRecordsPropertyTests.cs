using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Vectra.Journal.Records;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Player;
using Vectra.Projections.Tests.Rugs;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Runtime;

/// <summary>
/// Valid simulated games with junk records of every feed shape interleaved, run through every projection <c>vectra
/// project</c> runs: the runner never stops, every record is applied or quarantined (and counted), valid records are
/// never quarantined, and the valid games' rows are the ones a run of the valid games alone gives.
/// </summary>
public sealed class JunkRecordsPropertyTests
{
    /// <summary>Columns that name which record brought a row: junk moves the valid records' seqs.</summary>
    private static readonly HashSet<string> SeqColumns = ["first_seq", "last_seq", "meta_seq"];

    /// <summary>One game with an authenticated player who sends orders (seed 26), so the player projections match real requests among the junk.</summary>
    private static readonly List<JournalRecord> Valid = FeedSimulator.Records(SimulationOptions.Of(1, 26) with { Player = PlayerJunkGen.ValidPlayer }).ToList();

    private static readonly Lazy<Dictionary<string, List<string>>> ValidAlone = new(() =>
    {
        using var folder = new TempFolder();
        ProjectionHarness.JournalAndProjectAsync(folder.Path, Valid).GetAwaiter().GetResult();
        return ViewsDump.RugsTables.ToDictionary(table => table, table => ViewsDump.Rows(folder.Path, table, SeqColumns).ToList());
    });

    private static int s_quarantined;
    private static int s_junkRows;
    private static int s_playerQuarantined;

    /// <summary>One junk record: its event, its args, and the position among the valid records it is journaled before.</summary>
    public sealed record Junk(int Position, string Event, string Args)
    {
        public override string ToString() => $"@{Position} {Event} {(Args.Length > 300 ? Args[..300] + "…" : Args)}";
    }

    /// <summary>The junk of one case.</summary>
    public sealed record JunkCase(Junk[] Records)
    {
        public override string ToString() => string.Join("\n", Records.Select(r => r.ToString()));
    }

    private static Gen<Junk> JunkRecord =>
        from position in Gen.Choose(0, Valid.Count)
        from shape in Gen.Frequency(
            (5, JunkPayloadGen.Args(JunkPayloadGen.GameState).Select(args => ("gameStateUpdate", args))),
            (5, JunkPayloadGen.Args(JunkPayloadGen.Trade).Select(args => ("standard/newTrade", args))),
            (2, Gen.Zip(Gen.Elements("newSideBet", "currentSidebet", "currentSidebetResult"), JunkPayloadGen.Args(JunkPayloadGen.SidebetEvent))),
            (1, JunkPayloadGen.Args(JunkPayloadGen.ReplayerTick).Select(args => ("replayer/tick", args))),
            (2, Gen.Zip(Gen.Elements("newChatMessage", "playerUpdate", "unknown/thing", "", "🎲", "$connection.close", "$connection.open"), JunkPayloadGen.Args(JunkPayloadGen.Unknown))),
            (4, PlayerJunkGen.Record))
        select new Junk(position, shape.Item1, shape.Item2);

    private static Gen<JunkCase> Cases =>
        Gen.Choose(1, 40).SelectMany(count => Gen.ArrayOf(JunkRecord, count)).Select(records => new JunkCase(records));

    [Fact]
    public void Junk_records_never_stop_the_projections_and_leave_the_valid_games_rows_unchanged()
    {
        Prop.ForAll(Arb.From(Cases), Holds).Check(Config.QuickThrowOnFailure.WithMaxTest(30).WithQuietOnSuccess(true));

        // The generator must reach the failure paths: some junk is quarantined, and some is stored as rows of its own.
        Assert.True(s_quarantined > 0, "no junk record was quarantined");
        Assert.True(s_junkRows > 0, "no junk record made a row");
        Assert.True(s_playerQuarantined > 0, "no junk record was quarantined by a player projection");
    }

    private static void Holds(JunkCase junk)
    {
        var (records, junkSeqs) = Interleave(junk);
        using var folder = new TempFolder();
        ProjectionHarness.JournalAsync(folder.Path, records).GetAwaiter().GetResult();

        using (var runner = ProjectionRunner.Open(folder.Path, ProjectionCatalog.All()))
        {
            runner.CatchUp();
            var quarantined = ProjectionStates.Quarantined(folder.Path);
            foreach (var state in runner.States())
            {
                Assert.Equal((state.Name, (long)records.Count), (state.Name, state.Checkpoint));
                Assert.Equal(quarantined.Count(q => q.Projection == state.Name), state.Quarantined);
            }
            var valid = quarantined.Where(q => !junkSeqs.Contains(q.Seq)).ToList();
            Assert.True(valid.Count == 0, "valid records were quarantined: " + string.Join("; ", valid.Select(q => $"{q.Projection} {q.Seq} {q.Event}: {q.Error}")));
            Interlocked.Add(ref s_quarantined, quarantined.Count);
            Interlocked.Add(ref s_playerQuarantined, quarantined.Count(q => q.Projection is "player_state" or "player_actions" or "rugpool"));
        }

        foreach (var (table, expected) in ValidAlone.Value)
        {
            var ids = expected.Select(GameIdOf).ToHashSet();
            var rows = ViewsDump.Rows(folder.Path, table, SeqColumns);
            Interlocked.Add(ref s_junkRows, rows.Count(row => !ids.Contains(GameIdOf(row))));
            Assert.Equal(expected, rows.Where(row => ids.Contains(GameIdOf(row))));
        }
    }

    /// <summary>The journal: valid records with the junk inserted at its positions (taking the time of the record it follows), and the junk's seqs.</summary>
    private static (List<JournalRecord> Records, HashSet<long> JunkSeqs) Interleave(JunkCase junk)
    {
        var records = new List<JournalRecord>(Valid.Count + junk.Records.Length);
        var junkSeqs = new HashSet<long>();
        var byPosition = junk.Records.ToLookup(r => r.Position);
        for (var position = 0; position <= Valid.Count; position++)
        {
            foreach (var record in byPosition[position])
            {
                var neighbour = Valid[Math.Max(0, position - 1)];
                records.Add(neighbour with { Event = record.Event, Args = Encoding.UTF8.GetBytes(record.Args) });
                junkSeqs.Add(records.Count);
            }
            if (position < Valid.Count)
            {
                records.Add(Valid[position]);
            }
        }
        return (records, junkSeqs);
    }

    private static string? GameIdOf(string row)
    {
        using var document = JsonDocument.Parse(row);
        return document.RootElement.TryGetProperty("game_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }
}
