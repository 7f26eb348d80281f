using System.Globalization;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Nats;

/// <summary>
/// Publishes the runner's own journal to the stream: it follows the journal from the last acknowledged local seq, so
/// the capture's receive and append path never waits on NATS, and a NATS outage only delays publishing. At most
/// <see cref="Window"/> publishes await their JetStream ack at once; the position advances only over a contiguous run
/// of acks and is kept durable (<see cref="PublishPosition"/>), so after any failure or restart publishing resumes
/// there and the repeats are dropped by message id (and by the mirror).
/// </summary>
internal sealed class JournalPublisher(PublisherSettings settings, CommitSignal? signal, TextWriter log)
{
    private const int Window = 64;
    private const int ReadBatch = 256;
    private readonly PublishPosition _position = new(settings.DataDirectory, settings.Stream);
    private readonly string _subject = StreamLayout.Subject(settings.Stream);
    private long _acked;
    private long _stopAt = long.MaxValue;

    /// <summary>The last local seq whose publish was acknowledged (and everything before it).</summary>
    public long Acked => Interlocked.Read(ref _acked);

    /// <summary>Publishes until <paramref name="stop"/> or, after <see cref="FinishAt"/>, until that seq is acknowledged.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        _acked = _position.Read();
        using var reader = JournalReader.Open(settings.DataDirectory);
        await using var connection = new NatsConnection(settings.Options with { RetryOnInitialConnect = true });
        var js = new NatsJSContext(connection);
        var backoff = TimeSpan.FromMilliseconds(100);
        string? reported = null;
        while (!stop.IsCancellationRequested && Acked < Interlocked.Read(ref _stopAt))
        {
            var batch = reader.ReadAfter(Acked, ReadBatch);
            if (batch.Count == 0)
            {
                await WaitForMore(stop);
                continue;
            }
            try
            {
                await PublishAsync(js, batch, stop);
                _position.Save(Acked);
                if (reported is not null)
                {
                    log.WriteLine($"vectra capture: publishing to NATS again; acknowledged up to local meta_seq {Acked}.");
                    reported = null;
                }
                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (Exception error) when (!stop.IsCancellationRequested)
            {
                // Any failure only delays publishing: the capture must never stop over it, and the position says where to resume.
                _position.Save(Acked);
                if (reported != error.Message)
                {
                    reported = error.Message;
                    log.WriteLine($"vectra capture: publishing to NATS waits ({error.Message.TrimEnd('.')}); records keep going into the local journal and are published from local meta_seq {Acked + 1} once NATS answers.");
                }
                await Task.Delay(backoff, stop).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
        _position.Save(Acked);
    }

    /// <summary>Asks the publisher to stop once <paramref name="lastSeq"/> is acknowledged (the capture has stopped).</summary>
    public void FinishAt(long lastSeq) => Interlocked.Exchange(ref _stopAt, lastSeq);

    private async Task WaitForMore(CancellationToken stop)
    {
        try
        {
            if (signal is not null)
            {
                await signal.WaitPastAsync(Acked, TimeSpan.FromMilliseconds(250), stop);
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PublishAsync(NatsJSContext js, List<JournalRecord> batch, CancellationToken stop)
    {
        // The first record goes alone: publishes issued while the client is still (re)connecting resume in no set
        // order, and a runner's records must reach the stream in its own order for the first copy of every broadcast
        // to be in feed order. Once one ack is back, the connection is up and the rest are written in call order.
        await Settle((batch[0].Seq, Publish(js, batch[0], stop)));
        var inFlight = new Queue<(long Seq, Task<NATS.Client.JetStream.Models.PubAckResponse> Ack)>(Window);
        foreach (var record in batch.Skip(1))
        {
            if (inFlight.Count == Window)
            {
                await Settle(inFlight.Dequeue());
            }
            inFlight.Enqueue((record.Seq, Publish(js, record, stop)));
        }
        while (inFlight.Count > 0)
        {
            await Settle(inFlight.Dequeue());
        }
    }

    private async Task Settle((long Seq, Task<NATS.Client.JetStream.Models.PubAckResponse> Ack) pending)
    {
        var ack = await pending.Ack;
        if (ack.Error is { } error)
        {
            throw new NatsUnavailableException($"stream {settings.Stream} refused local meta_seq {pending.Seq}: {error.Description} (code {error.Code})");
        }
        Interlocked.Exchange(ref _acked, pending.Seq);
    }

    private Task<NATS.Client.JetStream.Models.PubAckResponse> Publish(NatsJSContext js, JournalRecord record, CancellationToken stop)
    {
        var headers = new NatsHeaders
        {
            [StreamLayout.RunnerHeader] = settings.Runner,
            [StreamLayout.TsHeader] = record.Ts.ToString(CultureInfo.InvariantCulture),
            [StreamLayout.SeqHeader] = record.Seq.ToString(CultureInfo.InvariantCulture),
            [StreamLayout.SessionHeader] = record.Session.ToString(),
            [StreamLayout.ConnHeader] = record.Conn.ToString(CultureInfo.InvariantCulture),
            [StreamLayout.EventHeader] = record.Event,
        };
        var options = new NatsJSPubOpts { MsgId = ContentKey.MessageId(settings.Runner, record.Seq, record.Event, record.Args, record.Ts) };
        return js.PublishAsync(_subject, record.Args, opts: options, headers: headers, cancellationToken: stop).AsTask();
    }
}
