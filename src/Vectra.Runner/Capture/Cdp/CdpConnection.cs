using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace Vectra.Runner.Capture.Cdp;

/// <summary>
/// One attach to a browser page over the DevTools protocol: find the page (<c>GET /json/list</c>), open its
/// DevTools WebSocket, enable the Network and Page domains, and journal the page's Socket.IO traffic
/// (<see cref="CdpSockets"/>) until the page or the browser goes away, the watchdog fires, or the capture stops.
/// </summary>
/// <remarks>
/// Failure policy: an unreachable browser, a missing page or a refused DevTools connection end the attempt
/// with <see cref="ConnectionEndedException"/> (not open) and a reason that says what exists and what to do;
/// the capture's reconnect policy retries. When an attach ends, every connection of the page still open is
/// journaled closed with the reason here (the browser gone, the watchdog, <c>shutdown</c>), before the
/// attempt ends, so nothing of this attach follows the close.
/// </remarks>
internal sealed class CdpConnection(
    CaptureSettings settings,
    int firstNumber,
    CaptureQueue queue,
    SystemRecords system,
    CaptureState state,
    TimeProvider time,
    ILogger log) : ICaptureSource
{
    private CdpSockets? _sockets;

    /// <inheritdoc/>
    public int LastOpened => _sockets?.LastOpened ?? 0;

    /// <inheritdoc/>
    public bool Reached { get; private set; }

    /// <inheritdoc/>
    public async Task RunAsync(CancellationToken stopping)
    {
        var endpoint = CdpEndpoint.Parse(settings.Cdp!);
        using var browser = new CdpBrowser(endpoint, settings.PageUrlContains);
        var target = await FindPageAsync(browser, stopping).ConfigureAwait(false);
        using var client = await AttachAsync(browser, target, stopping).ConfigureAwait(false);
        var sockets = _sockets = new CdpSockets(queue, system, state, time, firstNumber, log.FrameRefused);
        using var attached = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var reading = client.ReadEventsAsync(sockets.On, attached.Token);
        string reason;
        try
        {
            await EnableAsync(client, stopping).ConfigureAwait(false);
            Reached = true;
            log.Attached(target.Url, endpoint);
            var watchdog = WatchdogAsync(sockets, target.Url, attached.Token);
            var ended = await Task.WhenAny(reading, watchdog, Task.Delay(Timeout.Infinite, stopping)).ConfigureAwait(false);
            reason = stopping.IsCancellationRequested ? "shutdown"
                : ended == reading ? await reading.ConfigureAwait(false)
                : await watchdog.ConfigureAwait(false);
        }
        catch (Exception error) when (error is CdpException or WebSocketException or TimeoutException && !stopping.IsCancellationRequested)
        {
            reason = $"the DevTools connection failed: {error.Message}";
        }
        finally
        {
            await attached.CancelAsync().ConfigureAwait(false);
            await IgnoreFailure(reading).ConfigureAwait(false);
        }
        sockets.CloseAll(reason);
        if (reason != "shutdown")
        {
            log.Detached(target.Url, reason);
        }
        stopping.ThrowIfCancellationRequested();
        throw new ConnectionEndedException(reason, wasOpen: false);
    }

    private static async Task<CdpTarget> FindPageAsync(CdpBrowser browser, CancellationToken stopping)
    {
        IReadOnlyList<CdpTarget> targets;
        try
        {
            targets = await browser.TargetsAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !stopping.IsCancellationRequested)
        {
            throw new ConnectionEndedException($"the browser's DevTools at {browser.Endpoint} cannot be reached ({error.GetBaseException().Message}); {CdpBrowser.StartAdvice(browser.Endpoint)}", wasOpen: false);
        }
        return browser.Pick(targets) ?? throw new ConnectionEndedException(browser.NoPage(targets), wasOpen: false);
    }

    private async Task<CdpClient> AttachAsync(CdpBrowser browser, CdpTarget target, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds));
        try
        {
            return await CdpClient.ConnectAsync(browser.DebuggerUrl(target), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException && !stopping.IsCancellationRequested)
        {
            throw new ConnectionEndedException($"the DevTools WebSocket of page {target.Url} could not be opened ({error.GetBaseException().Message})", wasOpen: false);
        }
    }

    private async Task EnableAsync(CdpClient client, CancellationToken stopping)
    {
        var timeout = TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds);
        await client.CallAsync("Network.enable", stopping).WaitAsync(timeout, time, stopping).ConfigureAwait(false);
        await client.CallAsync("Page.enable", stopping).WaitAsync(timeout, time, stopping).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the attach when an open socket goes silent; warns once per stretch when the page has no open socket at all
    /// (re-attaching would not bring one back, and without the warning the capture would record nothing, silently).
    /// </summary>
    private async Task<string> WatchdogAsync(CdpSockets sockets, string pageUrl, CancellationToken cancellation)
    {
        var limit = TimeSpan.FromSeconds(settings.WatchdogSeconds);
        var check = TimeSpan.FromMilliseconds(Math.Clamp(limit.TotalMilliseconds / 4, 50, 1000));
        var warned = false;
        while (true)
        {
            await Task.Delay(check, time, cancellation).ConfigureAwait(false);
            if (sockets.Silent(limit) is { } reason)
            {
                return reason;
            }
            var blind = sockets.Blind();
            if (blind >= limit && !warned)
            {
                log.Blind(pageUrl, blind.Value.TotalSeconds);
            }
            warned = blind >= limit;
        }
    }

    private static async Task IgnoreFailure(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The reader ends with the attach; how it ended was already taken as the reason, or does not matter.
        }
    }
}
