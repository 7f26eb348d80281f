using Microsoft.Extensions.Hosting;

namespace Vectra.Runner.Capture;

/// <summary>Writes the capture's progress line to stderr every few seconds: frames/s, last durable seq, connection, blind time, losses.</summary>
internal sealed class ProgressReporter(CaptureSettings settings, CaptureState state, CaptureQueue queue, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, settings.ProgressSeconds));
        var frames = state.FramesReceived;
        var since = time.GetTimestamp();
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
                var nowFrames = state.FramesReceived;
                var rate = (nowFrames - frames) / Math.Max(time.GetElapsedTime(since).TotalSeconds, 1e-6);
                (frames, since) = (nowFrames, time.GetTimestamp());
                var (open, blind) = state.Connection();
                var connection = open == 0 ? "disconnected" : $"connected #{open}";
                await Console.Error.WriteLineAsync(
                    $"capture: {rate:N0} frames/s, {nowFrames:N0} frames, acked seq {state.LastDurableSeq}, {connection}, " +
                    $"blind {blind.TotalSeconds:F1} s, queued {queue.WaitingFrames:N0}, lost {state.Lost:N0}").ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the capture service writes the last word.
        }
    }
}
