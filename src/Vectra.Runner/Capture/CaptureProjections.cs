using Microsoft.Extensions.DependencyInjection;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Capture;

/// <summary>
/// Where projections join a capture (skipped with <c>--no-projections</c>): a hosted service that
/// follows the journal, woken by <see cref="JournalWriter.Signal"/> after every durable commit.
/// Projections never write the journal and never slow the capture down.
/// </summary>
internal static class CaptureProjections
{
    /// <summary>Adds the live projections.</summary>
    public static void Register(IServiceCollection services, JournalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        services.AddHostedService<LiveProjections>();
    }
}
