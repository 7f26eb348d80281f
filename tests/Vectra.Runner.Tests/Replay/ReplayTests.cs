using Vectra.Runner.Import;
using Vectra.Runner.Replay;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Replay;

public class ReplayTests
{
    // 10 s of recording: frames at 0 s, 2 s, 10 s, then one stamped before its predecessor.
    private const string Capture = """
        {"seq": 1, "ts": "2025-12-12T17:00:00", "event": "gameStateUpdate", "data": {"tickCount": 1}}
        {"seq": 2, "ts": "2025-12-12T17:00:02", "event": "gameStateUpdate", "data": {"tickCount": 2}}
        {"seq": 3, "ts": "2025-12-12T17:00:10", "event": "gameStateUpdate", "data": {"tickCount": 3}}
        {"seq": 4, "ts": "2025-12-12T17:00:09", "event": "gameStateUpdate", "data": {"tickCount": 4}}
        """;

    private static async Task<(RecordingSink Sink, ReplayResult Result)> ReplayAsync(TempFolder folder, ReplaySpeed speed)
    {
        await File.WriteAllTextAsync(folder.File("a_raw.jsonl"), Capture);
        var clock = new SteppingTimeProvider();
        var sink = new RecordingSink(clock);
        var options = new ImportOptions(null, RecordingTimeZone.Find("UTC"));
        var (_, result) = await RecordingReplay.RunAsync(folder.File("data"), [folder.File("a_raw.jsonl")], options, speed, clock, sink);
        return (sink, result);
    }

    [Fact]
    public async Task At_speed_2_each_record_reaches_the_sink_at_half_its_recorded_offset_in_seq_order()
    {
        using var folder = new TempFolder();
        var (sink, result) = await ReplayAsync(folder, new ReplaySpeed(2));

        Assert.True(sink.Completed);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], sink.Applied.Select(a => a.Record.Seq));
        Assert.Equal("$import", sink.Applied[^1].Record.Event);
        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)],
            sink.Applied.Select(a => a.At));
        Assert.Equal(5, result.Records);
        Assert.Equal(TimeSpan.FromSeconds(5), result.Elapsed);
        Assert.Equal(1.0, result.RecordsPerSecond);
    }

    [Fact]
    public async Task At_max_speed_no_virtual_time_passes()
    {
        using var folder = new TempFolder();
        var (sink, result) = await ReplayAsync(folder, ReplaySpeed.Max);

        Assert.Equal(5, sink.Applied.Count);
        Assert.All(sink.Applied, a => Assert.Equal(TimeSpan.Zero, a.At));
        Assert.Equal(TimeSpan.Zero, result.Elapsed);
    }

    [Fact]
    public async Task Files_already_in_the_journal_are_not_replayed_again()
    {
        using var folder = new TempFolder();
        await ReplayAsync(folder, ReplaySpeed.Max);
        var (sink, result) = await ReplayAsync(folder, ReplaySpeed.Max);

        Assert.Empty(sink.Applied);
        Assert.Equal(0, result.Records);
    }

    [Theory]
    [InlineData("max", true)]
    [InlineData("2", true)]
    [InlineData("0.5", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("fast", false)]
    public void Speed_is_a_positive_number_or_max(string text, bool valid) => Assert.Equal(valid, ReplaySpeed.TryParse(text) is not null);
}
