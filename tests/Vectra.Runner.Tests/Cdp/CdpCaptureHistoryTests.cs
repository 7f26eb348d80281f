using System.Text;
using Vectra.Journal.Records;
using Vectra.Runner.Capture;

namespace Vectra.Runner.Tests.Cdp;

/// <summary>`vectra status` counts a browser capture's sessions, connections and blind time like a direct capture's.</summary>
public sealed class CdpCaptureHistoryTests
{
    private const long Second = 1_000_000;
    private static readonly Guid Session = Guid.NewGuid();
    private long _seq;

    [Fact]
    public void A_browser_session_with_a_reload_and_a_browser_restart_is_counted_with_its_blind_time()
    {
        var history = CaptureHistory.From(
        [
            Record(100, "$session.start", "{}"),
            Record(103, "$connection.open", """{"url":null,"sid":"a","attached":false}"""),
            Record(120, "$connection.close", """{"reason":"the page reloaded or navigated (to x): its socket is gone"}"""),
            Record(121, "$connection.open", """{"url":null,"sid":"b","attached":false}"""),
            Record(150, "$connection.close", """{"reason":"the browser is gone"}"""),
            Record(151, "$connection.retry", """{"attempt":1,"delayMs":700,"error":"the browser is gone"}"""),
            Record(160, "$connection.open", """{"url":null,"sid":"c","attached":false}"""),
            Record(170, "$connection.close", """{"reason":"shutdown"}"""),
            Record(170, "$session.stop", """{"clean":true}"""),
        ], _ => 170 * Second);

        Assert.Equal(new CaptureHistory(Sessions: 1, CleanStops: 1, Connections: 3, Retries: 1, LostFrames: 0, BlindMicros: (3 + 1 + 10) * Second), history);
    }

    private JournalRecord Record(long seconds, string eventName, string body) =>
        new(++_seq, seconds * Second, Session, 0, SystemRecords.CdpSource, eventName, Encoding.UTF8.GetBytes($"[{body}]"));
}
