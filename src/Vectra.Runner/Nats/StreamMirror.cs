using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Nats;

/// <summary>
/// Appends the stream, in stream order, into a local journal, exactly once across restarts: the last mirrored stream
/// sequence is a journal position committed in the same transaction as the records. The server-side consumer is an ordered one started from that position, so the durable
/// state lives in one place, the journal; a consumer lost with a server is recreated from it.
/// </summary>
internal sealed class StreamMirror(JournalWriter writer, string stream, MirrorDedup dedup, TextWriter log, int fetchMax = 512)
{
    private ulong _position;

    /// <summary>Stream messages appended since start.</summary>
    public long Appended { get; private set; }

    /// <summary>Stream messages skipped as duplicates (or as not published by vectra) since start.</summary>
    public long Skipped { get; private set; }

    /// <summary>The last stream sequence committed.</summary>
    public ulong Position => _position;

    /// <summary>Mirrors until <paramref name="stop"/>; with <paramref name="once"/>, until the stream's last message at start is in.</summary>
    public async Task RunAsync(NatsConnection connection, bool once, CancellationToken stop)
    {
        _position = (ulong)writer.PositionsAtOpen.GetValueOrDefault(dedup.StreamPosition);
        using (var reader = JournalReader.Open(writer.Files.DataDirectory))
        {
            dedup.Load(reader);
        }
        var js = new NatsJSContext(connection);
        var last = once ? await LastSequence(js, stop) : ulong.MaxValue;
        var backoff = TimeSpan.FromMilliseconds(100);
        string? reported = null;
        while (!stop.IsCancellationRequested && _position < last)
        {
            try
            {
                var consumer = await js.CreateOrderedConsumerAsync(stream, new NatsJSOrderedConsumerOpts
                {
                    DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartSequence,
                    OptStartSeq = _position + 1,
                }, stop);
                while (!stop.IsCancellationRequested && _position < last)
                {
                    var messages = new List<INatsJSMsg<byte[]>>(fetchMax);
                    await foreach (var message in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = fetchMax, Expires = TimeSpan.FromSeconds(1) }, cancellationToken: stop))
                    {
                        messages.Add(message);
                    }
                    await AppendAsync(messages);
                    if (reported is not null)
                    {
                        log.WriteLine($"vectra mirror: reading stream {stream} again from sequence {_position + 1}.");
                        reported = null;
                    }
                    backoff = TimeSpan.FromMilliseconds(100);
                }
            }
            catch (Exception error) when (!stop.IsCancellationRequested && error is NatsException or TimeoutException or OperationCanceledException)
            {
                if (reported != error.Message)
                {
                    reported = error.Message;
                    log.WriteLine($"vectra mirror: stream {stream} not readable now ({error.Message.TrimEnd('.')}); retrying from sequence {_position + 1}.");
                }
                await Task.Delay(backoff, stop).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    private async Task<ulong> LastSequence(NatsJSContext js, CancellationToken stop)
    {
        try
        {
            return (await js.GetStreamAsync(stream, cancellationToken: stop)).Info.State.LastSeq;
        }
        catch (NatsJSApiException error)
        {
            throw NatsEndpoint.Refused($"read stream {stream}", error);
        }
    }

    private async Task AppendAsync(List<INatsJSMsg<byte[]>> messages)
    {
        var records = new List<NewRecord>(messages.Count);
        var position = _position;
        foreach (var message in messages)
        {
            var seq = message.Metadata?.Sequence.Stream ?? 0;
            if (seq <= position)
            {
                continue;
            }
            position = seq;
            if (MirroredMessage.TryRead(seq, message.Headers, message.Data) is not { } read)
            {
                log.WriteLine($"vectra mirror: stream sequence {seq} was not published by `vectra capture --publish` (headers or args missing or malformed); skipped.");
                Skipped++;
                continue;
            }
            if (dedup.Seen(read))
            {
                Skipped++;
                continue;
            }
            records.Add(read.Record);
        }
        if (position == _position)
        {
            return;
        }
        await writer.AppendBatchAsync(records, [new JournalPosition(dedup.StreamPosition, (long)position)]);
        _position = position;
        Appended += records.Count;
    }
}
