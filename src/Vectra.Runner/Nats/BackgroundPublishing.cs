namespace Vectra.Runner.Nats;

/// <summary>A <see cref="JournalPublisher"/> running beside a capture; at the capture's end it gets a bounded time to publish the rest.</summary>
internal sealed class BackgroundPublishing : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly JournalPublisher _publisher;
    private readonly Task _run;

    public BackgroundPublishing(PublisherSettings settings, Vectra.Journal.Writing.CommitSignal signal)
    {
        _publisher = new JournalPublisher(settings, signal, Console.Error);
        _run = Task.Run(() => _publisher.RunAsync(_stop.Token));
        Settings = settings;
    }

    public PublisherSettings Settings { get; }

    /// <summary>Publishes up to <paramref name="tail"/> within <paramref name="budget"/>; what is left is published by the next start.</summary>
    public void Finish(long tail, TimeSpan budget)
    {
        _publisher.FinishAt(tail);
        try
        {
            if (!_run.Wait(budget))
            {
                _stop.Cancel();
                _run.Wait(TimeSpan.FromSeconds(5));
            }
        }
        catch (AggregateException error)
        {
            // The capture itself stopped cleanly; only publishing did not, and the next start resumes it.
            Console.Error.WriteLine($"vectra capture: publishing stopped: {error.InnerException?.Message}");
        }
        var acked = _publisher.Acked;
        Console.Error.WriteLine(acked >= tail
            ? $"vectra capture: published everything to stream {Settings.Stream} as runner {Settings.Runner} (local meta_seq {acked})."
            : $"vectra capture: published up to local meta_seq {acked} of {tail} to stream {Settings.Stream}; the next `capture --publish` on this data folder publishes the rest.");
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _run.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Already reported by the publisher; the position file says where the next start resumes.
        }
        _stop.Dispose();
    }
}
