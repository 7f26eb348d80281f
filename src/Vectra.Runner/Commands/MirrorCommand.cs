using System.CommandLine;
using Vectra.Journal;
using Vectra.Journal.Writing;
using Vectra.Runner.Cli;
using Vectra.Runner.Nats;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra mirror</c>: appends a NATS JetStream stream of capture runners into a local journal, exactly once across restarts.</summary>
internal static class MirrorCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "NATS server: nats://HOST:PORT, several comma-separated for a cluster.", Required = true };
        var stream = new Option<string>("--stream") { Description = "The stream the runners publish to. Default VECTRA.", DefaultValueFactory = _ => StreamLayout.DefaultStream };
        var tolerance = new Option<string>("--dedup-tolerance") { Description = "Frames with the same content from two runners received this close together are one broadcast. Default 2s.", DefaultValueFactory = _ => "2s" };
        var horizon = new Option<string>("--dedup-horizon") { Description = "How far back (in receive time) the mirror remembers frame contents to drop copies published late, e.g. a runner's backlog after an outage. Default 6h.", DefaultValueFactory = _ => "6h" };
        var batch = new Option<int>("--batch") { Description = "Diagnostics: stream messages fetched and committed per transaction. Default 512.", DefaultValueFactory = _ => 512, Hidden = true };
        var once = new Option<bool>("--once") { Description = "Append what the stream holds now, then exit (instead of following it until SIGTERM or Ctrl+C)." };
        var command = new Command("mirror", "Append the records that capture runners publish to a NATS JetStream stream (`capture --publish`) into the local journal in --data, in stream order, once each (meta_source mirror:<runner>). Projections, exports, serve and rebuild work on it as on any journal. Follows until SIGTERM or Ctrl+C. Exit 3 when NATS cannot be reached at start or the journal fails.")
        {
            from, stream, tolerance, horizon, once, batch,
        };
        command.SetAction(parse =>
        {
            var name = StreamLayout.CheckName(parse.GetValue(stream)!);
            var dedup = new MirrorDedup(name, DurationText.Parse("--dedup-tolerance", parse.GetValue(tolerance)!), DurationText.Parse("--dedup-horizon", parse.GetValue(horizon)!));
            var options = NatsEndpoint.Options("--from", parse.GetValue(from)!, "vectra-mirror");
            var fetch = parse.GetValue(batch);
            if (fetch is < 1 or > 10_000)
            {
                throw new UsageException($"--batch {fetch}: use 1 to 10000.");
            }
            return Run(parse.GetRequiredValue(CommonOptions.Data), options, name, dedup, parse.GetValue(once), fetch).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> Run(string data, NATS.Client.Core.NatsOpts options, string stream, MirrorDedup dedup, bool once, int fetch)
    {
        using var stop = new StopSignal();
        await using var connection = await NatsEndpoint.ConnectAsync(options, stop.Token);
        using var writer = JournalWriter.Open(data, Durability.Batch);
        var mirror = new StreamMirror(writer, stream, dedup, Console.Error, fetch);
        Console.Error.WriteLine($"vectra mirror: stream {stream} on {options.Url} into {data}, from stream sequence {writer.PositionsAtOpen.GetValueOrDefault(dedup.StreamPosition) + 1}{(once ? " to its current end" : " (Ctrl+C to stop)")}.");
        await mirror.RunAsync(connection, once, stop.Token);
        if (writer.Fault is { } fault)
        {
            return CommandFailure.Report(fault);
        }
        Console.Error.WriteLine($"vectra mirror: stopped at stream sequence {mirror.Position}; appended {mirror.Appended:N0} record(s), skipped {mirror.Skipped:N0} duplicate(s); journal ends at meta_seq {writer.Tail}.");
        return ExitCodes.Ok;
    }
}
