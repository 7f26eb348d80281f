using System.CommandLine;
using NATS.Client.JetStream;
using Vectra.Runner.Cli;
using Vectra.Runner.Nats;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra stream create</c>: sets up the JetStream stream that capture runners publish to and mirrors read.</summary>
internal static class StreamCreateCommand
{
    public static Command Create()
    {
        var nats = new Option<string>("--nats") { Description = "NATS server: nats://HOST:PORT, several comma-separated for a cluster.", Required = true };
        var stream = new Option<string>("--stream") { Description = "Stream name. Default VECTRA.", DefaultValueFactory = _ => StreamLayout.DefaultStream };
        var replicas = new Option<int>("--replicas") { Description = "Copies of every message: 1, or 3 on a 3-node cluster. Default 1.", DefaultValueFactory = _ => 1 };
        var window = new Option<string>("--dedup-window") { Description = "How long the server remembers message ids to drop duplicates. Keep it longer than a runner's longest publishing backlog; the mirror de-duplicates beyond it too. Default 2m.", DefaultValueFactory = _ => "2m" };
        var maxAge = new Option<string>("--max-age") { Description = "Drop messages older than this (e.g. 30d); 0 keeps them. Default 30d.", DefaultValueFactory = _ => "30d" };
        var maxBytes = new Option<long>("--max-bytes") { Description = "Drop the oldest messages past this many bytes; 0 for no limit. Default 0.", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var command = new Command("create", "Create (or update the limits of) the JetStream stream that `capture --publish` writes and `mirror` reads: file storage, de-duplication by message id. Exit 3 when NATS cannot be reached or refuses.")
        {
            nats, stream, replicas, window, maxAge, maxBytes, json,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(replicas);
            if (count is not (1 or 3))
            {
                throw new UsageException($"--replicas {count}: use 1, or 3 on a cluster of at least three servers.");
            }
            var bytes = parse.GetValue(maxBytes);
            if (bytes < 0)
            {
                throw new UsageException($"--max-bytes {bytes}: use 0 (no limit) or more.");
            }
            var dedup = DurationText.Parse("--dedup-window", parse.GetValue(window)!);
            if (dedup == TimeSpan.Zero)
            {
                throw new UsageException("--dedup-window 0: the window must be longer than 0 for duplicates to be dropped.");
            }
            var creator = new StreamCreator(StreamLayout.CheckName(parse.GetValue(stream)!), count, dedup, DurationText.Parse("--max-age", parse.GetValue(maxAge)!), bytes);
            var options = NatsEndpoint.Options("--nats", parse.GetValue(nats)!, "vectra-stream-create");
            return Run(options, creator, parse.GetValue(json)).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> Run(NATS.Client.Core.NatsOpts options, StreamCreator creator, bool json)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = await NatsEndpoint.ConnectAsync(options, cancel.Token);
        var info = await creator.CreateAsync(new NatsJSContext(connection), cancel.Token);
        var subject = StreamLayout.Subject(creator.Stream);
        if (json)
        {
            ConsoleJson.Print(new { stream = creator.Stream, subject, replicas = info.Config.NumReplicas, dedupWindowSeconds = info.Config.DuplicateWindow.TotalSeconds, maxAgeSeconds = info.Config.MaxAge.TotalSeconds, maxBytes = info.Config.MaxBytes, messages = info.State.Messages });
        }
        else
        {
            Console.WriteLine($"stream {creator.Stream} ready on {options.Url}: subject {subject}, {info.Config.NumReplicas} replica(s), file storage, dedup window {info.Config.DuplicateWindow}, max age {(info.Config.MaxAge == TimeSpan.Zero ? "none" : info.Config.MaxAge.ToString())}, max bytes {(info.Config.MaxBytes <= 0 ? "none" : info.Config.MaxBytes.ToString("N0"))}; {info.State.Messages:N0} message(s) stored.");
        }
        return ExitCodes.Ok;
    }
}
