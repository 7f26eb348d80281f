using System.Text;
using Vectra.Journal.Records;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.CaptureHealth;

public class CaptureHealthProjectionTests
{
    private static readonly Guid A = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid B = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");

    private static JournalRecord R(Guid session, int conn, long seconds, string eventName, string args = "[{}]") =>
        new(0, 1_765_000_000_000_000 + seconds * 1_000_000, session, conn, "live", eventName, Encoding.UTF8.GetBytes(args));

    [Fact]
    public async Task Sessions_connections_and_blind_intervals_follow_the_lifecycle_records_including_a_killed_session()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAndProjectAsync(folder.Path,
        [
            R(A, 0, 0, "$session.start"),
            R(A, 1, 2, "$connection.open", """[{"url":"u","sid":"s1"}]"""),
            R(A, 1, 3, "gameStateUpdate"),
            R(A, 1, 10, "$connection.close", """[{"reason":"io server disconnect"}]"""),
            R(A, 2, 10, "$connection.retry", """[{"attempt":1,"delayMs":700}]"""),
            R(A, 2, 11, "$connection.open", """[{"url":"u","sid":"s2"}]"""),
            R(A, 2, 20, "gameStateUpdate"),
            // SIGKILL: no $session.stop for A.
            R(B, 0, 30, "$session.start"),
            R(B, 1, 33, "$connection.open", """[{"url":"u","sid":"s3"}]"""),
            R(B, 1, 34, "gameStateUpdate"),
            R(B, 0, 40, "$session.stop", """[{"clean":true}]"""),
        ]);

        var sessions = ProjectionHarness.Query(folder.Path, "SELECT session, clean, stopped_at IS NOT NULL FROM capture_sessions ORDER BY first_seq",
            r => (r.GetString(0), r.NullableLong(1), r.GetInt64(2)));
        Assert.Equal([(A.ToString(), (long?)0, 0L), (B.ToString(), 1, 1)], sessions);

        var connections = ProjectionHarness.Query(folder.Path, "SELECT session, conn, sid, close_reason FROM capture_connections ORDER BY session, conn",
            r => (r.GetString(0), r.GetInt32(1), r.NullableString(2), r.NullableString(3)));
        Assert.Equal([(A.ToString(), 1, "s1", "io server disconnect"), (A.ToString(), 2, "s2", null), (B.ToString(), 1, "s3", null)], connections);

        var gaps = ProjectionHarness.Query(folder.Path, "SELECT session, micros, reason FROM capture_gaps ORDER BY from_ts",
            r => (r.GetString(0), r.GetInt64(1) / 1_000_000, r.GetString(2)));
        Assert.Equal(
        [
            (A.ToString(), 2L, "connecting"),
            (A.ToString(), 1L, "io server disconnect"),
            (B.ToString(), 13L, "capture process ended without $session.stop"),
        ], gaps);
    }
}
