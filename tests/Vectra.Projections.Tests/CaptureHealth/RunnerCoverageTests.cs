using System.Text;
using Vectra.Journal.Records;
using Vectra.Projections.CaptureHealth;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.CaptureHealth;

/// <summary>A mirror's capture health: runners' sessions interleave, and the true gaps are when no runner was connected.</summary>
public class RunnerCoverageTests
{
    private static readonly Guid A = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid B = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");
    private static readonly Guid C = Guid.Parse("cccccccc-0000-0000-0000-000000000003");
    private const long Start = 1_765_000_000_000_000;

    private static JournalRecord R(Guid session, string runner, int conn, long seconds, string eventName, string args = "[{}]") =>
        new(0, Start + seconds * 1_000_000, session, conn, $"mirror:{runner}", eventName, Encoding.UTF8.GetBytes(args));

    [Fact]
    public async Task Interleaved_runners_keep_their_own_sessions_and_only_time_without_any_runner_is_a_true_gap()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAndProjectAsync(folder.Path,
        [
            R(A, "a", 0, 0, "$session.start"),
            R(B, "b", 0, 0, "$session.start"),
            R(A, "a", 1, 1, "$connection.open", """[{"url":"u","sid":"a1"}]"""),
            R(B, "b", 1, 2, "$connection.open", """[{"url":"u","sid":"b1"}]"""),
            R(A, "a", 1, 5, "gameStateUpdate"),
            // Runner a is SIGKILLed after its frame at 5 s; b loses its connection from 20 to 25 s.
            R(B, "b", 1, 20, "$connection.close", """[{"reason":"transport close"}]"""),
            R(B, "b", 2, 25, "$connection.open", """[{"url":"u","sid":"b2"}]"""),
            R(C, "a", 0, 30, "$session.start"),
            R(C, "a", 1, 31, "$connection.open", """[{"url":"u","sid":"a2"}]"""),
            R(B, "b", 2, 39, "$connection.close", """[{"reason":"io client disconnect"}]"""),
            R(B, "b", 0, 40, "$session.stop", """[{"clean":true}]"""),
            R(C, "a", 1, 50, "$connection.close", """[{"reason":"io client disconnect"}]"""),
            R(C, "a", 0, 50, "$session.stop", """[{"clean":true}]"""),
        ]);

        var sessions = ProjectionHarness.Query(folder.Path, "SELECT session, clean FROM capture_sessions ORDER BY session",
            r => (r.GetString(0), r.NullableLong(1)));
        Assert.Equal([(A.ToString(), (long?)0), (B.ToString(), 1), (C.ToString(), 1)], sessions);

        var coverage = RunnerCoverage.Read(folder.Path)!;
        Assert.Equal([new RunnerHealth("mirror:a", 2, 2, coverage.Runners[0].BlindMicros), new RunnerHealth("mirror:b", 1, 2, 8_000_000)], coverage.Runners);
        Assert.Equal([(Start + 20_000_000, Start + 25_000_000)], coverage.Uncovered);
        Assert.Equal(5_000_000, coverage.UncoveredMicros);
    }
}
