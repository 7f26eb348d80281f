using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Vectra.Runner.Cli;
using Vectra.Runner.Serve;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra serve</c>: the read-only web dashboard over a data folder, with metrics and health endpoints.</summary>
internal static class ServeCommand
{
    /// <summary><c>--urls URL</c>, shared with <c>capture --serve</c>.</summary>
    public static Option<string> Urls() => new("--urls") { Description = $"Where to listen: one http URL on a loopback address (default {ServeUrl.Default}; port 0 picks a free one).", DefaultValueFactory = _ => ServeUrl.Default };

    /// <summary><c>--allow-remote</c>: listen on a non-loopback address too.</summary>
    public static Option<bool> AllowRemote() => new("--allow-remote") { Description = "Allow a non-loopback --urls address (the dashboard has no authentication)." };

    /// <summary><c>--otlp URL</c>: push metrics over OTLP.</summary>
    public static Option<string?> Otlp() => new("--otlp") { Description = "Also push metrics over OTLP to this endpoint (default: $OTEL_EXPORTER_OTLP_ENDPOINT when set)." };

    public static Command Create()
    {
        var urls = Urls();
        var allowRemote = AllowRemote();
        var otlp = Otlp();
        var command = new Command("serve", "Serve a live, read-only web dashboard of the data folder (Now, Games, Game, Stats), Prometheus metrics at /metrics, /healthz and /readyz, until Ctrl+C.")
        {
            urls, allowRemote, otlp,
        };
        command.SetAction(parse => Run(Options(parse.GetRequiredValue(CommonOptions.Data), parse.GetRequiredValue(urls), parse.GetValue(allowRemote), parse.GetValue(otlp))));
        return command;
    }

    /// <summary>Validates the options shared by <c>serve</c> and <c>capture --serve</c>.</summary>
    public static ServeOptions Options(string data, string urls, bool allowRemote, string? otlp)
    {
        Uri? otlpEndpoint = null;
        if (otlp is not null && (!Uri.TryCreate(otlp, UriKind.Absolute, out otlpEndpoint) || (otlpEndpoint.Scheme != Uri.UriSchemeHttp && otlpEndpoint.Scheme != Uri.UriSchemeHttps)))
        {
            throw new UsageException($"--otlp {otlp}: give the collector's http(s) URL, like http://127.0.0.1:4317.");
        }
        return new ServeOptions(data, ServeUrl.Parse(urls, allowRemote), allowRemote, otlpEndpoint);
    }

    private static int Run(ServeOptions options)
    {
        using var app = DashboardHost.Build(options, TimeProvider.System);
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException error)
        {
            Console.Error.WriteLine($"vectra: cannot listen on {options.Url.GetLeftPart(UriPartial.Authority)}: {error.Message} Pass another --urls (port 0 picks a free one).");
            return ExitCodes.RuntimeFailure;
        }
        Console.WriteLine($"vectra serve: {string.Join(", ", DashboardHost.Addresses(app))} (data {Path.GetFullPath(options.DataDirectory)}, read-only); Ctrl+C stops.");
        app.WaitForShutdown();
        return ExitCodes.Ok;
    }
}
