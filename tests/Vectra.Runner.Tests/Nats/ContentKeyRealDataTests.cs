using System.Text;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Runner.Nats;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Nats;

/// <summary>
/// The content key (docs/many-machines.md) established on the real captures: what differs per emit in otherwise
/// identical frames, and how close together the feed legitimately repeats a payload.
/// </summary>
public sealed class ContentKeyRealDataTests
{
    private static readonly string[] Captures = ["claude-flow/raw_captures/2025-12-12_17-16-58_raw.jsonl", "vectra-player/sandbox/websocket_raw_samples.jsonl"];

    [RealDataFact]
    public async Task Two_argument_frames_carry_a_fresh_traceparent_on_every_emit_which_the_key_leaves_out()
    {
        var frames = await ImportedFramesAsync();
        var traced = frames.Where(f => ContentKey.PayloadStart(f.Args) > 0).ToList();

        Assert.True(traced.Count >= 60, $"only {traced.Count} two-argument frames in the captures");
        var traceparents = traced.Select(f => Encoding.UTF8.GetString(f.Args, 0, ContentKey.PayloadStart(f.Args))).ToList();
        Assert.All(traceparents, t => Assert.Contains("\"traceparent\"", t));
        Assert.Equal(traced.Count, traceparents.Distinct().Count());
        foreach (var frame in traced)
        {
            var otherTrace = Encoding.UTF8.GetBytes("[{\"__trace\":true,\"traceparent\":\"00-00000000000000000000000000000001-0000000000000002-01\"}," + Encoding.UTF8.GetString(frame.Args, ContentKey.PayloadStart(frame.Args), frame.Args.Length - ContentKey.PayloadStart(frame.Args)));
            Assert.Equal(ContentKey.Hash(frame.Event, frame.Args), ContentKey.Hash(frame.Event, otherTrace));
        }
    }

    [RealDataFact]
    public async Task The_feed_repeats_a_payload_only_seconds_apart_so_a_2_s_slot_never_merges_two_real_frames()
    {
        var frames = await ImportedFramesAsync();
        var repeats = frames.GroupBy(f => Convert.ToHexString(ContentKey.Hash(f.Event, f.Args)))
            .Where(g => g.Count() > 1)
            .Select(g => g.OrderBy(f => f.Ts).ToList())
            .ToList();

        // Found in the captures: rugRoyaleUpdate sends the same status 15 s later; nothing repeats closer than that.
        Assert.NotEmpty(repeats);
        var closest = repeats.SelectMany(r => r.Zip(r.Skip(1), (a, b) => b.Ts - a.Ts)).Min();
        Assert.True(closest > 2 * ContentKey.SlotMicros, $"two identical frames only {closest / 1e6:F3} s apart");
        Assert.All(repeats.SelectMany(r => r), f => Assert.NotEqual(
            ContentKey.MessageId("a", 0, f.Event, f.Args, f.Ts),
            ContentKey.MessageId("a", 0, f.Event, f.Args, f.Ts + closest)));
    }

    [Fact]
    public void The_key_is_the_event_and_the_payload_bytes()
    {
        var args = Encoding.UTF8.GetBytes("[{\"__trace\":true,\"traceparent\":\"00-a-b-01\"},{\"price\":1.0}]");
        var sameOtherTrace = Encoding.UTF8.GetBytes("[{\"traceparent\":\"00-c-d-01\",\"__trace\":true},{\"price\":1.0}]");
        var otherBytes = Encoding.UTF8.GetBytes("[{\"__trace\":true,\"traceparent\":\"00-a-b-01\"},{\"price\":1}]");
        var oneArgument = Encoding.UTF8.GetBytes("[{\"__trace\":true,\"traceparent\":\"00-a-b-01\"}]");

        Assert.Equal(ContentKey.Hash("standard/newTrade", args), ContentKey.Hash("standard/newTrade", sameOtherTrace));
        Assert.NotEqual(ContentKey.Hash("standard/newTrade", args), ContentKey.Hash("standard/newTrade", otherBytes));
        Assert.NotEqual(ContentKey.Hash("standard/newTrade", args), ContentKey.Hash("newChatMessage", args));
        Assert.Equal(0, ContentKey.PayloadStart(oneArgument));
        Assert.StartsWith("s-a-7", ContentKey.MessageId("a", 7, "$session.start", args, 0));
    }

    private static async Task<List<JournalRecord>> ImportedFramesAsync()
    {
        using var data = new TempFolder();
        foreach (var capture in Captures)
        {
            var imported = await VectraProcess.RunAsync("import", "--data", data.Path, RealData.PathOf(capture));
            Assert.True(imported.ExitCode == 0, imported.ToString());
        }
        using var reader = JournalReader.Open(data.Path);
        return [.. reader.ReadSeqRange(1, long.MaxValue).Where(r => !r.Event.StartsWith('$'))];
    }
}
