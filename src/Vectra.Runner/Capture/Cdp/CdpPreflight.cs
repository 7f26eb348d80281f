namespace Vectra.Runner.Capture.Cdp;

/// <summary>
/// Before a browser capture starts: can the DevTools address be reached at all? A wrong port or a browser
/// started without <c>--remote-debugging-port</c> is a mistake to report at once (exit 3), not to retry for
/// ever; once the capture runs, a browser that goes away is retried like a lost connection.
/// </summary>
internal static class CdpPreflight
{
    /// <summary>What to tell the user when the browser cannot be reached; null when it answers.</summary>
    public static string? Unreachable(CaptureSettings settings)
    {
        var endpoint = CdpEndpoint.Parse(settings.Cdp!);
        using var browser = new CdpBrowser(endpoint, settings.PageUrlContains);
        try
        {
            browser.TargetsAsync(CancellationToken.None).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return $"--cdp {settings.Cdp}: the browser's DevTools cannot be reached ({error.GetBaseException().Message}). To capture through the browser, {CdpBrowser.StartAdvice(endpoint)}.";
        }
    }
}
