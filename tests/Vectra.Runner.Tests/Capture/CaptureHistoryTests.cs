using System.Text;
using Vectra.Journal.Records;
using Vectra.Runner.Capture;

namespace Vectra.Runner.Tests.Capture;

public class CaptureHistoryTests
{
    private const long Second = 1_000_000;
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Later = Guid.NewGuid();
    private long _seq;

    [Fact]
    public void Blind_time_runs_from_session_start_to_the_first_open_and_from_each_close_to_the_next_open()
    {
        var history = CaptureHistory.From(
        [
            Record(First, 100, "$session.start", "{}"),
            Record(First, 102, "$connection.open", "{}"),
            Record(First, 150, "$connection.close", """{"reason":"transport close"}"""),
            Record(First, 151, "$connection.retry", """{"attempt":1,"delayMs":700}"""),
            Record(First, 157, "$connection.open", "{}"),
            Record(First, 200, "$connection.close", """{"reason":"shutdown"}"""),
            Record(First, 200, "$session.stop", """{"clean":true}"""),
        ], _ => 200 * Second);

        Assert.Equal(new CaptureHistory(Sessions: 1, CleanStops: 1, Connections: 2, Retries: 1, LostFrames: 0, BlindMicros: 9 * Second), history);
    }

    [Fact]
    public void A_killed_session_is_blind_from_its_last_record_to_the_next_sessions_first_open_but_a_clean_gap_between_sessions_is_not()
    {
        var history = CaptureHistory.From(
        [
            Record(First, 100, "$session.start", "{}"),
            Record(First, 101, "$connection.open", "{}"),
            // killed at 130 (its last frame); restarted at 140
            Record(Later, 140, "$session.start", "{}"),
            Record(Later, 142, "$connection.open", "{}"),
            Record(Later, 150, "$connection.close", """{"reason":"shutdown"}"""),
            Record(Later, 150, "$session.stop", """{"clean":true}"""),
            Record(First, 500, "$session.start", "{}"), // the same session id again only to show the clean gap 150..500 is not counted
            Record(First, 503, "$connection.open", "{}"),
        ], session => session == First ? 130 * Second : 150 * Second);

        Assert.Equal(3, history.Sessions);
        Assert.Equal(1, history.CleanStops);
        Assert.Equal((1 + 12 + 3) * Second, history.BlindMicros);
    }

    [Fact]
    public void A_session_killed_while_blind_stays_blind_until_the_next_open_and_overflow_losses_add_up()
    {
        var history = CaptureHistory.From(
        [
            Record(First, 100, "$session.start", "{}"),
            Record(First, 101, "$connection.open", "{}"),
            Record(First, 110, "$capture.overflow", """{"lost":5}"""),
            Record(First, 120, "$connection.close", """{"reason":"transport close"}"""),
            Record(Later, 200, "$session.start", "{}"),
            Record(Later, 201, "$capture.overflow", """{"lost":7}"""),
            Record(Later, 205, "$connection.open", "{}"),
        ], _ => 300 * Second);

        Assert.Equal(1 * Second + 85 * Second, history.BlindMicros);
        Assert.Equal(12, history.LostFrames);
        Assert.Equal(0, history.CleanStops);
    }

    [Fact]
    public void Records_of_imports_are_not_capture_sessions()
    {
        var import = Record(First, 100, "$session.start", "{}") with { Source = "import:jsonl" };

        Assert.Equal(0, CaptureHistory.From([import], _ => null).Sessions);
    }

    private JournalRecord Record(Guid session, long seconds, string eventName, string body) =>
        new(++_seq, seconds * Second, session, 0, "live", eventName, Encoding.UTF8.GetBytes($"[{body}]"));
}
