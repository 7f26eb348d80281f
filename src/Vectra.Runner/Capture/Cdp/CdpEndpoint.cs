namespace Vectra.Runner.Capture.Cdp;

/// <summary>The <c>--cdp</c> value: the browser's DevTools HTTP endpoint.</summary>
internal static class CdpEndpoint
{
    /// <summary>An absolute http(s) URL, normalized to end with <c>/</c>; null when the text is not one.</summary>
    public static Uri? TryParse(string text) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Port > 0
            ? uri
            : null;

    /// <summary>As <see cref="TryParse"/>, for a value already validated.</summary>
    public static Uri Parse(string text) => TryParse(text) ?? throw new UsageException($"--cdp {text}: give the browser's DevTools address, e.g. http://127.0.0.1:9222");
}
