using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vectra.Journal.Writing;

namespace Vectra.Runner.Capture;

/// <summary>
/// Builds the capture's Generic Host: settings from appsettings.json &lt; <c>VECTRA__…</c> environment
/// variables &lt; the command line, logs on stderr (stdout is kept for <c>--print-acks</c>), and the
/// services that capture, report progress and (unless <c>--no-projections</c>) project.
/// </summary>
internal sealed class CaptureHost
{
    /// <summary>
    /// How long the capture may spend, from the stop request, disconnecting and draining its queue into
    /// the journal; frames still waiting then are counted, not stored. Leaves room in the 5 s a stop may
    /// take for <c>$session.stop</c>, closing the journal and exiting.
    /// </summary>
    public static readonly TimeSpan DrainBudget = TimeSpan.FromSeconds(3.5);

    /// <summary>How long the host waits for the live projections to stop: they resume from their checkpoint on the next start, so they never hold up a stop.</summary>
    public static readonly TimeSpan ProjectionsStopGrace = TimeSpan.FromSeconds(0.5);

    /// <summary>The host's backstop: past this, stopping services are no longer waited for.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(4.5);

    private readonly HostApplicationBuilder _builder;

    private CaptureHost(HostApplicationBuilder builder, CaptureSettings settings)
    {
        _builder = builder;
        Settings = settings;
    }

    /// <summary>The settings after every source was applied.</summary>
    public CaptureSettings Settings { get; }

    /// <summary>Reads the configuration sources, then lets <paramref name="commandLine"/> override them.</summary>
    public static CaptureHost Configure(Action<CaptureSettings> commandLine)
    {
        // appsettings.json is read once: watching it for changes would watch the whole working
        // directory, and with the journal below it every write woke the watcher (measured: a tenth of
        // a core at full capture speed).
        var configuration = new ConfigurationManager();
        configuration["hostBuilder:reloadConfigOnChange"] = "false";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
            Configuration = configuration,
        });
        builder.Configuration.AddEnvironmentVariables("VECTRA__");
        var settings = new CaptureSettings();
        builder.Configuration.GetSection("Capture").Bind(settings);
        commandLine(settings);
        return new CaptureHost(builder, settings);
    }

    /// <summary>The host that captures into <paramref name="writer"/>; <paramref name="observers"/> hear of every durable append.</summary>
    public IHost Build(JournalWriter writer, TimeProvider time, IEnumerable<IDurableRecordsObserver> observers)
    {
        var services = _builder.Services;
        _builder.Logging.ClearProviders();
        _builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        services.Configure<HostOptions>(options =>
        {
            options.ShutdownTimeout = ShutdownTimeout;
            // The capture drains while the projections stop: neither waits for the other.
            options.ServicesStopConcurrently = true;
        });
        services.AddSingleton(Settings);
        services.AddSingleton(writer);
        services.AddSingleton(time);
        services.AddSingleton(new CaptureQueue(Settings.QueueCapacity, Settings.QueueBytes));
        services.AddSingleton(new SystemRecords(Guid.NewGuid(), time, Settings.Cdp is null ? SystemRecords.Source : SystemRecords.CdpSource));
        services.AddSingleton<CaptureState>();
        services.AddSingleton<IDurableRecordsObserver>(provider => provider.GetRequiredService<CaptureState>());
        foreach (var observer in observers)
        {
            services.AddSingleton(observer);
        }
        // Every service stops at once (see HostOptions above): the projections stop at their next batch
        // boundary and catch up on the next start, including the records the capture drains meanwhile.
        if (Settings.Projections)
        {
            CaptureProjections.Register(services, writer);
        }
        services.AddSingleton<CaptureService>();
        services.AddHostedService(provider => provider.GetRequiredService<CaptureService>());
        services.AddHostedService<ProgressReporter>();
        return _builder.Build();
    }
}
