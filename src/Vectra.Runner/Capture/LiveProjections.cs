using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vectra.Journal.Writing;
using Vectra.Projections;
using Vectra.Projections.Runtime;

namespace Vectra.Runner.Capture;

/// <summary>
/// Runs every projection beside a capture: catch up from the checkpoints, then follow the journal,
/// woken by each durable commit.
/// </summary>
/// <remarks>
/// Failure policy: projections are derived and can always be rebuilt, so a failure here (views.db
/// I/O, views held by another process) is reported loudly and stops the projections only; the capture
/// goes on journaling. `vectra project` catches up later from the last committed checkpoint.
/// </remarks>
internal sealed class LiveProjections(JournalWriter writer, ILogger<LiveProjections> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            using var runner = ProjectionRunner.Open(writer.Files.DataDirectory, ProjectionCatalog.All());
            await runner.FollowAsync(writer.Signal, stoppingToken);
            runner.CatchUp();
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested || error is not OperationCanceledException)
        {
            log.ProjectionsStopped(Cli.CommandFailure.Describe(error).Message);
        }
    }, CancellationToken.None);
}
