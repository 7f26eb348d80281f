using Microsoft.Extensions.DependencyInjection;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Capture;

/// <summary>
/// The seam where projections join a capture (skipped with <c>--no-projections</c>). They are not
/// written yet; when they are, register them here as hosted services that follow the journal
/// (<c>JournalReader.FollowAsync</c> woken by <see cref="JournalWriter.Signal"/>), or as an
/// <see cref="IDurableRecordsObserver"/> singleton, which the capture calls after every durable append.
/// Projections never write the journal and never slow the capture down.
/// </summary>
internal static class CaptureProjections
{
    /// <summary>Adds the projections' services; today there are none.</summary>
    public static void Register(IServiceCollection services, JournalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(writer);
    }
}
