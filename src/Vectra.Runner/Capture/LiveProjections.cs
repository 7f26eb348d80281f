using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vectra.Journal.Writing;
using Vectra.Projections;
using Vectra.Projections.Runtime;

namespace Vectra.Runner.Capture;

/// <summary>
/// Runs every projection beside a capture: catch up from the checkpoints, then follow the journal,
/// woken by each durable commit. On stop they end at their next batch boundary, without catching up:
/// the next start (or `vectra project`) resumes from the committed checkpoints.
/// </summary>
/// <remarks>
/// Failure policy: projections are derived and can always be rebuilt, so a failure here (views.db
/// I/O, views held by another process) is reported loudly and stops the projections only; the capture
/// goes on journaling. `vectra project` catches up later from the last committed checkpoint. A stop
/// waits for them at most <see cref="CaptureHost.ProjectionsStopGrace"/>; one still running then is
/// abandoned like a killed process: its open views.db transaction never commits, its checkpoint stays.
/// </remarks>
internal sealed class LiveProjections(JournalWriter writer, ILogger<LiveProjections> log) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(CaptureHost.ProjectionsStopGrace);
        await base.StopAsync(grace.Token).ConfigureAwait(false);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            using var runner = ProjectionRunner.Open(writer.Files.DataDirectory, ProjectionCatalog.All());
            await runner.FollowAsync(writer.Signal, stoppingToken);
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested || error is not OperationCanceledException)
        {
            log.ProjectionsStopped(Cli.CommandFailure.Describe(error).Message);
        }
    }, CancellationToken.None);
}
