using System.CommandLine;
using Vectra.Runner.Bench;
using Vectra.Runner.Cli;
using Vectra.Runner.Nats;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra bench nats</c>: publish rate with acks from one and two runners and the mirror's append rate, beside the local journal's.</summary>
internal static class BenchNatsCommand
{
    public static Command Create()
    {
        var nats = new Option<string>("--nats") { Description = "A NATS server with JetStream (nats-server -js); the benchmark creates and deletes its own streams there.", Required = true };
        var frames = new Option<int>("--frames") { Description = "Frames per runner.", DefaultValueFactory = _ => 20_000 };
        var frameBytes = new Option<int>("--frame-bytes") { Description = "About this many bytes of args a frame (¾ to 1½ of it). Default 4000: 3–6 KB frames.", DefaultValueFactory = _ => 4000 };
        var json = CommonOptions.Json();
        var command = new Command("nats", "Journal frames locally as a capture does, publish them with JetStream acks from one runner and from two runners, mirror the stream into a fresh journal; rates of each in the same run. Works in a scratch folder under --data, removed afterwards.")
        {
            nats, frames, frameBytes, json,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(frames);
            var size = parse.GetValue(frameBytes);
            if (count < 1 || size is < 100 or > 1_000_000)
            {
                throw new UsageException("--frames must be at least 1 and --frame-bytes 100..1000000.");
            }
            var options = NatsEndpoint.Options("--nats", parse.GetValue(nats)!, "vectra-bench");
            return Run(parse.GetRequiredValue(CommonOptions.Data), options, count, size, parse.GetValue(json));
        });
        return command;
    }

    private static int Run(string data, NATS.Client.Core.NatsOpts options, int frames, int frameBytes, bool json)
    {
        var folder = Path.Combine(data, "bench-nats-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var r = new NatsBenchmark(folder, options, frames, frameBytes, Console.Error).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
            var commandLine = $"vectra bench nats --nats {options.Url} --frames {frames} --frame-bytes {frameBytes}";
            if (json)
            {
                ConsoleJson.Print(new
                {
                    command = commandLine,
                    machine = MachineDescription.Describe(),
                    load,
                    frames = r.Frames,
                    argsBytes = r.ArgsBytes,
                    localJournalRecordsPerSecond = Math.Round(r.Rate(r.LocalJournal)),
                    publishOneRunnerRecordsPerSecond = Math.Round(r.Rate(r.PublishOne)),
                    publishTwoRunnersPublishesPerSecond = Math.Round(r.Rate(r.PublishTwo, 2)),
                    mirrorRecordsPerSecond = Math.Round(r.Rate(r.Mirror)),
                    mirrorFramesNotAtFeedPosition = r.Displaced,
                });
                return ExitCodes.Ok;
            }
            Console.WriteLine(commandLine);
            Console.WriteLine($"machine: {MachineDescription.Describe()}; load average: {load}");
            Console.WriteLine($"{r.Frames:N0} frames, {r.ArgsBytes / 1e6:F1} MB of args ({r.ArgsBytes / r.Frames:N0} bytes a frame)");
            Console.WriteLine($"| step | records/s | MB/s |");
            Console.WriteLine($"|---|---:|---:|");
            Console.WriteLine($"| local journal append (batch durability, groups of 16) | {r.Rate(r.LocalJournal):N0} | {r.MegabytesPerSecond(r.LocalJournal):F1} |");
            Console.WriteLine($"| publish with acks, one runner | {r.Rate(r.PublishOne):N0} | {r.MegabytesPerSecond(r.PublishOne):F1} |");
            Console.WriteLine($"| publish with acks, two runners (publishes; half are duplicates) | {r.Rate(r.PublishTwo, 2):N0} | {r.MegabytesPerSecond(r.PublishTwo, 2):F1} |");
            Console.WriteLine($"| mirror append (stream of two runners) | {r.Rate(r.Mirror):N0} | {r.MegabytesPerSecond(r.Mirror):F1} |");
            Console.WriteLine($"mirror: {r.Displaced:N0} frame(s) not at their feed position");
            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
