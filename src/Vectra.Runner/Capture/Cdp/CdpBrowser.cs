using System.Net.Http.Json;

namespace Vectra.Runner.Capture.Cdp;

/// <summary>
/// The browser's DevTools HTTP endpoint (<c>--remote-debugging-port</c>): which targets exist, and the
/// page the capture attaches to.
/// </summary>
internal sealed class CdpBrowser(Uri endpoint, string pageUrlContains) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = RequestTimeout };

    /// <summary>The DevTools HTTP endpoint, e.g. <c>http://127.0.0.1:9222/</c>.</summary>
    public Uri Endpoint { get; } = endpoint;

    /// <summary>What the page's URL must contain.</summary>
    public string PageUrlContains { get; } = pageUrlContains;

    /// <summary>What to tell a user whose browser cannot be reached.</summary>
    public static string StartAdvice(Uri endpoint) =>
        $"start Chromium or Chrome with --remote-debugging-port={endpoint.Port} (e.g. `chromium --remote-debugging-port={endpoint.Port} --user-data-dir=$HOME/.vectra-chromium https://rugs.fun`), or point --cdp at the port it uses (its profile folder's DevToolsActivePort file names it)";

    /// <summary>Every target (<c>GET /json/list</c>); throws <see cref="HttpRequestException"/> or <see cref="TaskCanceledException"/> when the browser cannot be reached.</summary>
    public async Task<IReadOnlyList<CdpTarget>> TargetsAsync(CancellationToken cancellation) =>
        await _http.GetFromJsonAsync<CdpTarget[]>("json/list", cancellation).ConfigureAwait(false) ?? [];

    /// <summary>The first page whose URL contains the filter, else null.</summary>
    public CdpTarget? Pick(IReadOnlyList<CdpTarget> targets) =>
        targets.FirstOrDefault(target => target.Type == "page" && target.Url.Contains(PageUrlContains, StringComparison.Ordinal));

    /// <summary>Where to open the target's DevTools WebSocket (built from its id when the browser leaves the URL out).</summary>
    public Uri DebuggerUrl(CdpTarget target) =>
        target.WebSocketDebuggerUrl is { Length: > 0 } url
            ? new Uri(url)
            : new Uri($"ws://{Endpoint.Authority}/devtools/page/{Uri.EscapeDataString(target.Id)}");

    /// <summary>The reason an attach attempt found no page: which pages exist.</summary>
    public string NoPage(IReadOnlyList<CdpTarget> targets)
    {
        var pages = targets.Where(target => target.Type == "page").Select(target => target.Url).ToList();
        var open = pages.Count == 0 ? "the browser has no page open" : $"open pages: {string.Join(", ", pages)}";
        return $"no page's URL contains '{PageUrlContains}' ({open}); open the game's page in that browser, or change --page-url-contains";
    }

    public void Dispose() => _http.Dispose();
}
