using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Runner.Bench;

namespace Vectra.Runner.Tests.Bench;

/// <summary>The capture benchmark's timed window: from the first frame received to the last frame durable.</summary>
public sealed class CaptureLatencyObserverTests
{
    private static readonly Guid Session = Guid.Parse("5e55e55e-0000-4000-8000-000000000013");

    [Fact]
    public void The_stop_records_written_after_the_last_frame_do_not_stretch_the_timed_window()
    {
        var clock = new SetClock(DateTimeOffset.UnixEpoch.AddSeconds(10));
        var observer = new CaptureLatencyObserver(frames: 2, clock);

        observer.OnDurable([Frame(ts: 9_900_000), Frame(ts: 9_950_000)], new SeqRange(1, 2));
        clock.Now = DateTimeOffset.UnixEpoch.AddSeconds(14); // the capture stops 4 s later (e.g. after the dashboard's last page)
        observer.OnDurable([NewRecord.FromText("$session_end", "[]", 13_999_000, Session, 0, "live")], new SeqRange(3, 3));

        Assert.Equal(2, observer.Count);
        Assert.Equal(10_000_000, observer.LastDurableMicros);
        Assert.Equal(9_900_000, observer.FirstReceivedMicros);
    }

    private static NewRecord Frame(long ts) => NewRecord.FromText("gameStateUpdate", "[{}]", ts, Session, 1, "live");

    private sealed class SetClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
