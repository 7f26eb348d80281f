using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Vectra.Runner.Serve.Caching;
using Vectra.Runner.Serve.Data;
using Vectra.Runner.Serve.Live;
using Vectra.Runner.Serve.Metrics;
using Vectra.Runner.Serve.Pages;

namespace Vectra.Runner.Serve;

/// <summary>
/// The dashboard's web host: Kestrel on one loopback URL, the four pages, the live feed, health and metrics.
/// It opens journal.db and views.db read-only and never writes.
/// </summary>
/// <remarks>
/// Failure policy: a request that fails gets an error page (400/404 for bad or unknown input, 500 with one
/// line for anything else), never a stack trace, and the server keeps serving. Only failing to listen
/// (port taken, address refused) stops it, before it serves anything.
/// </remarks>
internal static class DashboardHost
{
    /// <summary>Builds the web application for <paramref name="options"/>; start it with <c>StartAsync</c> or <c>Run</c>.</summary>
    public static WebApplication Build(ServeOptions options, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Url.GetLeftPart(UriPartial.Authority));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("System", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(_ => new ViewsFollower(options.DataDirectory));
        builder.Services.AddSingleton(_ => new JournalFollower(options.DataDirectory));
        builder.Services.AddSingleton<PageRenderer>();
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveFeed>());
        builder.Services.AddSingleton(services => new JournalGauges(options.DataDirectory, services.GetRequiredService<JournalFollower>(), services.GetRequiredService<ViewsFollower>(), time));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(VectraMeter.Name).AddPrometheusExporter();
            var otlp = options.OtlpEndpoint;
            if (otlp is not null || Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 })
            {
                metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp ?? exporter.Endpoint);
            }
        });

        var app = builder.Build();
        _ = app.Services.GetRequiredService<JournalGauges>();
        app.Use(CatchFailures);
        app.UseStatusCodePages(context => context.HttpContext.Response.HasStarted
            ? Task.CompletedTask
            : ErrorPage.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, "that request cannot be answered here."));
        var feed = app.Services.GetRequiredService<LiveFeed>();
        var pages = app.Services.GetRequiredService<PageRenderer>();
        var journal = app.Services.GetRequiredService<JournalFollower>();
        var views = app.Services.GetRequiredService<ViewsFollower>();
        app.MapGet("/", context => pages.ServeAsync(context, "/", () => NowPage.Render(options, feed, journal, views, time), takesQuery: false, viewsOnly: false));
        app.MapGet("/games", context => pages.ServeAsync(context, "/games", () => GamesPage.Render(options.DataDirectory, GamesListRequest.Parse(context.Request.Query)), takesQuery: true, viewsOnly: true));
        app.MapGet("/games/{gameId}", (HttpContext context, string gameId) => pages.ServeAsync(context, "/games/{id}", () => GamePage.Render(options.DataDirectory, gameId), takesQuery: false, viewsOnly: true));
        app.MapGet("/stats", context => pages.ServeAsync(context, "/stats", () => StatsPage.Render(options.DataDirectory), takesQuery: false, viewsOnly: true));
        app.MapGet("/live", LiveEndpoint.StreamAsync);
        app.MapGet("/healthz", HealthEndpoints.Health);
        app.MapGet("/readyz", () => HealthEndpoints.Ready(options, journal, views));
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.Map("{**path}", (HttpContext context) => ErrorPage.WriteAsync(context, 404, $"there is no page at {context.Request.Path}: try /, /games or /stats."));
        return app;
    }

    /// <summary>The addresses Kestrel listens on once started (the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    private static async Task CatchFailures(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (PageException error) when (!context.Response.HasStarted)
        {
            await ErrorPage.WriteAsync(context, error.StatusCode, error.Message);
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("vectra.serve")
                .RequestFailed(context.Request.Method, context.Request.Path, error.Message);
            await ErrorPage.WriteAsync(context, 500, $"the dashboard could not read the data: {error.Message}");
        }
    }
}
