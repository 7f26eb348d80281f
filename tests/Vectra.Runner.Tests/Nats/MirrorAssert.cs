using Vectra.Journal.Records;
using Vectra.Runner.Tests.Capture;

namespace Vectra.Runner.Tests.Nats;

/// <summary>What a mirror must hold: every frame the feed sent, once, byte-identical, in the feed's order, each from one of the runners.</summary>
internal static class MirrorAssert
{
    public static CapturedJournal Complete(string mirrorData, IReadOnlyList<JournalRecord> sent)
    {
        var mirror = CapturedJournal.Read(mirrorData);
        var frames = mirror.Frames;
        var firstDifference = Enumerable.Range(0, Math.Min(frames.Count, sent.Count))
            .FirstOrDefault(i => frames[i].Event != sent[i].Event || !frames[i].Args.AsSpan().SequenceEqual(sent[i].Args), -1);
        Assert.True(frames.Count == sent.Count && firstDifference < 0,
            $"the mirror holds {frames.Count} frames, the feed sent {sent.Count}; first difference at frame index {firstDifference}" +
            (firstDifference >= 0 ? $": mirror {frames[firstDifference].Event} {Preview(frames[firstDifference])} vs sent {sent[firstDifference].Event} {Preview(sent[firstDifference])}" : ""));
        Assert.All(mirror.Records, r => Assert.StartsWith("mirror:", r.Source));
        return mirror;
    }

    private static string Preview(JournalRecord record) => CapturedJournal.Text(record) is var text && text.Length > 120 ? text[..120] : CapturedJournal.Text(record);
}
