using Microsoft.AspNetCore.Http;
using Vectra.Runner.Serve.Caching;

namespace Vectra.Runner.Serve;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: the journal is readable and, inside a capture,
/// the feed is connected and every live projection's lag (not the on-demand events export's) is under <see cref="LagBound"/> records.
/// </summary>
internal static class HealthEndpoints
{
    public const long LagBound = 10_000;

    public static IResult Health() => Results.Text("ok\n", "text/plain");

    public static IResult Ready(ServeOptions options, JournalFollower journal, ViewsFollower views)
    {
        var problem = Problem(options, journal, views);
        return problem is null ? Results.Text("ready\n", "text/plain") : Results.Text($"not ready: {problem}\n", "text/plain", statusCode: 503);
    }

    private static string? Problem(ServeOptions options, JournalFollower journal, ViewsFollower views)
    {
        long tail;
        try
        {
            var last = journal.Read(reader => reader.Tail is var seq and > 0 ? new LastRecord(seq, reader.ReadOne(seq) is not null) : new LastRecord(0, Readable: true));
            if (last is null)
            {
                return $"no journal in {Path.GetFullPath(options.DataDirectory)} yet";
            }
            if (!last.Readable)
            {
                return "the journal's last record cannot be read";
            }
            tail = last.Seq;
        }
        catch (Exception error) when (error is IOException or Microsoft.Data.Sqlite.SqliteException or Journal.Errors.JournalException)
        {
            return $"the journal cannot be read: {error.Message}";
        }
        if (options.CaptureInProcess?.Invoke() is not { } capture)
        {
            return null;
        }
        if (!capture.Connected)
        {
            return "the capture is not connected to the feed";
        }
        var lagging = views.ProjectionStates(tail).FirstOrDefault(p => p.Lag > LagBound && Vectra.Projections.ProjectionCatalog.IsLive(p.Name));
        return lagging is null ? null : $"projection {lagging.Name} lags {lagging.Lag:N0} records (bound {LagBound:N0})";
    }

    private sealed record LastRecord(long Seq, bool Readable);
}
