using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vectra.Runner.Capture;
using Vectra.Runner.Serve.Metrics;

namespace Vectra.Runner.Serve;

/// <summary>
/// <c>vectra capture --serve</c>: the dashboard inside the capturing process, adding what only it knows
/// (connected, queued, lost, blind) to the Now page, <c>/readyz</c> and the capture's metrics.
/// </summary>
internal static class CaptureDashboard
{
    /// <summary>Starts the dashboard beside the capture whose services are <paramref name="capture"/>; stop it after the capture.</summary>
    public static WebApplication Start(ServeOptions options, IServiceProvider capture, TimeProvider time)
    {
        var state = capture.GetRequiredService<CaptureState>();
        var queue = capture.GetRequiredService<CaptureQueue>();
        CaptureMetrics.Observe(() => (int)Math.Min(int.MaxValue, queue.WaitingFrames), () => state.Connection().Blind);
        var app = DashboardHost.Build(options with
        {
            CaptureInProcess = () =>
            {
                var (open, blind) = state.Connection();
                return new CaptureFigures(open != 0, state.FramesReceived, (int)Math.Min(int.MaxValue, queue.WaitingFrames), state.Lost, blind);
            },
        }, time);
        app.StartAsync().GetAwaiter().GetResult();
        Console.Error.WriteLine($"vectra capture: dashboard at {string.Join(", ", DashboardHost.Addresses(app))}");
        return app;
    }
}
