using System.Diagnostics;
using System.Text.Json;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Vectra.Journal;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Runner.Nats;

namespace Vectra.Runner.Bench;

/// <summary>
/// Publish and mirror rates against a real NATS server, beside the local journal's append rate in the same run:
/// frames of about <c>frameBytes</c> (¾ to 1½ of it) are journaled as a capture does (batch durability), published
/// with acks by one runner, then by two runners holding the same frames (as two runners on one feed), and the
/// second stream is mirrored into a fresh journal.
/// </summary>
internal sealed class NatsBenchmark(string folder, NatsOpts options, int frames, int frameBytes, TextWriter log)
{
    public async Task<NatsBenchResult> RunAsync(CancellationToken cancellation)
    {
        var recording = Path.Combine(folder, "recording.jsonl");
        BenchRecording.Write(recording, frames, frameBytes);
        var records = Read(recording);
        var bytes = records.Sum(r => (long)r.Args.Length);
        var local = await JournalAsync(Path.Combine(folder, "a"), records);
        await JournalAsync(Path.Combine(folder, "b"), records);
        log.WriteLine($"local journal: {frames / local.TotalSeconds:N0} records/s");

        await using var connection = await NatsEndpoint.ConnectAsync(options, cancellation);
        var js = new NatsJSContext(connection);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var one = await PublishAsync(js, $"BENCH1_{suffix}", ["a"], cancellation);
        log.WriteLine($"publish, one runner: {frames / one.TotalSeconds:N0} records/s");
        var two = await PublishAsync(js, $"BENCH2_{suffix}", ["a", "b"], cancellation);
        log.WriteLine($"publish, two runners: {2 * frames / two.TotalSeconds:N0} publishes/s");
        var mirror = await MirrorAsync(connection, $"BENCH2_{suffix}", cancellation);
        var displaced = Displaced(Path.Combine(folder, "mirror"), records);
        log.WriteLine($"mirror: {frames / mirror.TotalSeconds:N0} records/s; {displaced} frame(s) not at their feed position");
        foreach (var stream in new[] { $"BENCH1_{suffix}", $"BENCH2_{suffix}" })
        {
            await js.DeleteStreamAsync(stream, cancellation);
        }
        return new NatsBenchResult(frames, bytes, local, one, two, mirror, displaced);
    }

    /// <summary>Mirrored frames whose args differ from the frame the feed had at the same position.</summary>
    private static int Displaced(string mirror, List<NewRecord> sent)
    {
        using var reader = Vectra.Journal.Reading.JournalReader.Open(mirror);
        return reader.ReadSeqRange(1, long.MaxValue).Where((r, i) => i >= sent.Count || !r.Args.AsSpan().SequenceEqual(sent[i].Args)).Count();
    }

    private static List<NewRecord> Read(string recording)
    {
        var session = Guid.NewGuid();
        var records = new List<NewRecord>();
        foreach (var line in File.ReadLines(recording))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            records.Add(NewRecord.FromText(root.GetProperty("event").GetString()!, root.GetProperty("args").GetRawText(), root.GetProperty("meta_ts").GetInt64(), session, 1, "live"));
        }
        return records;
    }

    /// <summary>Appends in groups of 16, as a capture's journal pump hands frames to the writer under load.</summary>
    private static async Task<TimeSpan> JournalAsync(string data, List<NewRecord> records)
    {
        using var writer = JournalWriter.Open(data, Durability.Batch);
        var clock = Stopwatch.StartNew();
        var pending = new List<Task<SeqRange>>();
        for (var i = 0; i < records.Count; i += 16)
        {
            pending.Add(writer.AppendBatchAsync(records.GetRange(i, Math.Min(16, records.Count - i))));
        }
        await Task.WhenAll(pending);
        return clock.Elapsed;
    }

    private async Task<TimeSpan> PublishAsync(NatsJSContext js, string stream, string[] runners, CancellationToken cancellation)
    {
        await new StreamCreator(stream, 1, TimeSpan.FromMinutes(2), TimeSpan.Zero, 0).CreateAsync(js, cancellation);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(runners.Select(runner =>
        {
            var data = Path.Combine(folder, runner);
            File.Delete(Path.Combine(data, $"nats-published-{stream}"));
            var publisher = new JournalPublisher(new PublisherSettings(options, stream, runner, data), signal: null, log);
            publisher.FinishAt(frames);
            return publisher.RunAsync(cancellation);
        }));
        return clock.Elapsed;
    }

    private async Task<TimeSpan> MirrorAsync(NatsConnection connection, string stream, CancellationToken cancellation)
    {
        using var writer = JournalWriter.Open(Path.Combine(folder, "mirror"), Durability.Batch);
        var mirror = new StreamMirror(writer, stream, new MirrorDedup(stream, TimeSpan.FromSeconds(2), TimeSpan.FromHours(6)), log);
        var clock = Stopwatch.StartNew();
        await mirror.RunAsync(connection, once: true, cancellation);
        var elapsed = clock.Elapsed;
        if (mirror.Appended != frames)
        {
            throw new InvalidOperationException($"the mirror appended {mirror.Appended} records, not {frames}: the benchmark's streams were changed meanwhile.");
        }
        return elapsed;
    }
}
