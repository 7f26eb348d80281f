using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Vectra.Runner.Serve.Live;

namespace Vectra.Runner.Serve;

/// <summary><c>GET /live</c>: the live game as server-sent events, a <c>game</c> event first, then a <c>tick</c> for each change.</summary>
internal static class LiveEndpoint
{
    public static async Task StreamAsync(HttpContext context, LiveFeed feed, IHostApplicationLifetime lifetime)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        using var subscription = feed.Subscribe();
        try
        {
            await context.Response.WriteAsync(subscription.Snapshot, stop.Token);
            await context.Response.Body.FlushAsync(stop.Token);
            while (await subscription.Events.WaitToReadAsync(stop.Token))
            {
                while (subscription.Events.TryRead(out var message))
                {
                    await context.Response.WriteAsync(message, stop.Token);
                }
                await context.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the browser left or the server stops
        }
    }
}
