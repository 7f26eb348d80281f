using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vectra.Journal;
using Vectra.Journal.Writing;
using Vectra.Runner.Capture;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra capture</c>: the crash-safe live capture of the feed into the journal, until SIGTERM or Ctrl+C.</summary>
internal static class CaptureCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "Socket.IO server. Default https://backend.rugs.fun." };
        var origin = new Option<string?>("--origin") { Description = "Origin header of the handshake; \"\" sends none. Default https://rugs.fun." };
        var query = new Option<string[]>("--query") { Description = "Handshake query parameter k=v; repeat for more. Replaces the default frontend-version=1.0.", AllowMultipleArgumentsPerToken = false };
        var transport = new Option<string?>("--transport") { Description = "websocket (default) or polling." };
        var durability = new Option<string?>("--durability") { Description = "always or batch (default): when a frame counts as stored." };
        var watchdog = new Option<double?>("--watchdog") { Description = "Reconnect when nothing arrived (no frame, ping or byte) for this many seconds. Default 30." };
        var noProjections = new Option<bool>("--no-projections") { Description = "Capture only; run no projections beside it." };
        var serve = new Option<bool>("--serve") { Description = "Also serve the dashboard and metrics (see `vectra serve`) while capturing." };
        var urls = ServeCommand.Urls();
        var publish = new Option<string?>("--publish") { Description = "Also publish every journaled record to this NATS JetStream (nats://HOST:PORT, several comma-separated for a cluster), from the local journal, so an outage only delays it. See README \"Many machines\"." };
        var stream = new Option<string>("--stream") { Description = "With --publish: the stream (see `vectra stream create`). Default VECTRA.", DefaultValueFactory = _ => Nats.StreamLayout.DefaultStream };
        var runner = new Option<string?>("--runner") { Description = "With --publish: this runner's name in the stream. Default: made once from the host name and kept in the data folder." };
        var cdp = new Option<string?>("--cdp") { Description = "Capture through a browser instead of connecting to --url: the DevTools address of a Chromium/Chrome started with --remote-debugging-port (e.g. http://127.0.0.1:9222). Journals the game page's Socket.IO frames in both directions, sent ones as $cdp.sent (see README \"Capturing through the browser\")." };
        var pageUrlContains = new Option<string?>("--page-url-contains") { Description = "With --cdp: attach to the first page whose URL contains this text. Default rugs.fun." };
        var printAcks = new Option<bool>("--print-acks") { Description = "Diagnostics: print `ack SEQ` on stdout for every durable record.", Hidden = true };
        var command = new Command("capture", "Capture the live feed into the journal: every frame, raw, with reconnects, until SIGTERM or Ctrl+C; directly (--url) or through a browser's page (--cdp). Exit 0 after a clean stop, 3 on a journal fault, a locked journal, a --cdp browser that cannot be reached, or frames left unjournaled when the stop budget ran out.")
        {
            url, origin, query, transport, durability, watchdog, noProjections, serve, urls, publish, stream, runner, cdp, pageUrlContains, printAcks,
        };
        var sealing = new SealingOptions().AddTo(command);
        command.SetAction(parse =>
        {
            var dataGiven = parse.GetResult(CommonOptions.Data) is { Implicit: false };
            var host = CaptureHost.Configure(settings =>
            {
                settings.Url = parse.GetValue(url) ?? settings.Url;
                settings.Origin = parse.GetValue(origin) ?? settings.Origin;
                if (parse.GetValue(query) is { Length: > 0 } pairs)
                {
                    settings.Query = pairs.Select(ParsePair).ToDictionary();
                }
                settings.Transport = parse.GetValue(transport) ?? settings.Transport;
                settings.Cdp = parse.GetValue(cdp) ?? settings.Cdp;
                settings.PageUrlContains = parse.GetValue(pageUrlContains) ?? settings.PageUrlContains;
                settings.Durability = parse.GetValue(durability) ?? settings.Durability;
                settings.WatchdogSeconds = parse.GetValue(watchdog) ?? settings.WatchdogSeconds;
                settings.Projections &= !parse.GetValue(noProjections);
                settings.PrintAcks |= parse.GetValue(printAcks);
                if (dataGiven || settings.Data is null)
                {
                    settings.Data = parse.GetRequiredValue(CommonOptions.Data);
                }
            });
            var dashboard = parse.GetValue(serve) ? ServeCommand.Options(host.Settings.Data!, parse.GetRequiredValue(urls), allowRemote: false, otlp: null) : null;
            var publishing = parse.GetValue(publish) is { } natsUrl
                ? new Nats.PublisherSettings(
                    Nats.NatsEndpoint.Options("--publish", natsUrl, "vectra-capture"),
                    Nats.StreamLayout.CheckName(parse.GetValue(stream)!),
                    Nats.RunnerId.Resolve(CreatedData(host.Settings.Data!), parse.GetValue(runner)),
                    host.Settings.Data!)
                : null;
            return Run(host, sealing.Resolve(parse), dashboard, publishing);
        });
        return command;
    }

    private static string CreatedData(string data) => Directory.CreateDirectory(data).FullName;

    private static int Run(CaptureHost host, Vectra.Journal.Blocks.SealPolicy sealing, Serve.ServeOptions? dashboard, Nats.PublisherSettings? publishing)
    {
        var settings = host.Settings;
        var durability = Validate(settings);
        if (settings.Cdp is not null && Capture.Cdp.CdpPreflight.Unreachable(settings) is { } unreachable)
        {
            Console.Error.WriteLine($"vectra: {unreachable}");
            return ExitCodes.RuntimeFailure;
        }
        using var writer = JournalWriter.Open(settings.Data!, durability, sealing);
        var observers = new List<IDurableRecordsObserver>();
        if (settings.PrintAcks)
        {
            observers.Add(new AckPrinter(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false }));
        }
        if (dashboard is not null)
        {
            observers.Add(new Serve.Metrics.CaptureMetricsObserver(TimeProvider.System));
        }
        var tailBefore = writer.Tail;
        using var app = host.Build(writer, TimeProvider.System, observers);
        var capture = app.Services.GetRequiredService<CaptureService>();
        using var served = dashboard is null ? null : Serve.CaptureDashboard.Start(dashboard, app.Services, TimeProvider.System);
        using var publisher = publishing is null ? null : new Nats.BackgroundPublishing(publishing, writer.Signal);
        app.Run();
        served?.StopAsync().GetAwaiter().GetResult();
        publisher?.Finish(writer.Tail, TimeSpan.FromSeconds(10));
        if (capture.Failure is { } failure)
        {
            return CommandFailure.Report(failure);
        }
        var written = $"journal ends at meta_seq {writer.Tail}; this run stored {writer.Tail - tailBefore:N0} records in {writer.Commits:N0} commits";
        if (!capture.Finished)
        {
            Console.Error.WriteLine($"vectra: capture session {capture.Session} did not finish storing within the stop budget; {written}. At least {capture.Queued:N0} received frame(s) were not journaled and no $session.stop was written. The journal's disk is too slow; check it.");
            return ExitCodes.RuntimeFailure;
        }
        if (capture.NotJournaled > 0)
        {
            Console.Error.WriteLine($"vectra: capture session {capture.Session} stopped, but {capture.NotJournaled:N0} received frame(s) were NOT journaled within the stop budget ($session.stop says clean:false, notJournaled:{capture.NotJournaled}); {written}. The journal's disk is too slow; check it.");
            return ExitCodes.RuntimeFailure;
        }
        Console.Error.WriteLine($"vectra capture: session {capture.Session} stopped cleanly; {written}.");
        return ExitCodes.Ok;
    }

    private static Durability Validate(CaptureSettings settings)
    {
        var durability = Durability.TryParse(settings.Durability);
        if (durability is null || durability == Durability.None)
        {
            throw new UsageException($"--durability {settings.Durability}: capture takes always or batch.");
        }
        if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "ws" or "wss"))
        {
            throw new UsageException($"--url {settings.Url} is not an http(s) or ws(s) URL.");
        }
        if (settings.Cdp is not null && Capture.Cdp.CdpEndpoint.TryParse(settings.Cdp) is null)
        {
            throw new UsageException($"--cdp {settings.Cdp} is not the browser's DevTools address: give an http URL with its port, e.g. http://127.0.0.1:9222.");
        }
        if (settings.Cdp is not null && settings.PageUrlContains.Length == 0)
        {
            throw new UsageException("--page-url-contains must not be empty: give a part of the game page's URL, e.g. rugs.fun.");
        }
        if (settings.Transport is not ("websocket" or "polling"))
        {
            throw new UsageException($"--transport {settings.Transport}: use websocket or polling.");
        }
        if (settings.WatchdogSeconds <= 0 || settings.QueueCapacity < 1 || settings.QueueBytes < 1)
        {
            throw new UsageException("--watchdog must be more than 0 seconds, and the queue's capacity and bytes (Capture:QueueCapacity, Capture:QueueBytes) at least 1.");
        }
        return durability;
    }

    private static KeyValuePair<string, string> ParsePair(string text)
    {
        var at = text.IndexOf('=', StringComparison.Ordinal);
        return at > 0
            ? new(text[..at], text[(at + 1)..])
            : throw new UsageException($"--query {text}: write it as key=value.");
    }
}
