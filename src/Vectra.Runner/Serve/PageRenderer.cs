using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Vectra.Runner.Serve.Caching;

namespace Vectra.Runner.Serve;

/// <summary>
/// Answers a page request: renders the page, or, for a page that reads views.db alone, serves the bytes rendered
/// earlier while views.db has not changed since (<see cref="PageCache"/>). A page's <c>Server-Timing</c> says which.
/// </summary>
internal sealed class PageRenderer(ServeOptions options, ViewsFollower views)
{
    private readonly PageCache _cache = new();

    /// <summary>Serves the page <paramref name="render"/> makes; <paramref name="viewsOnly"/> when its bytes depend on views.db and nothing else.</summary>
    public Task ServeAsync(HttpContext context, string route, Func<string> render, bool takesQuery, bool viewsOnly)
    {
        if (!takesQuery && context.Request.QueryString.HasValue)
        {
            throw PageException.BadRequest($"{route} takes no query string.");
        }
        var clock = Stopwatch.StartNew();
        var stamp = viewsOnly && options.CachePages ? views.Stamp() : null;
        var key = stamp is null ? null : context.Request.Path.Value + context.Request.QueryString.Value;
        if (key is not null && _cache.Find(key, stamp!.Value) is { } cached)
        {
            context.Response.Headers["Server-Timing"] = $"cached;dur={clock.Elapsed.TotalMilliseconds:0.###}";
            return HtmlResponse.WriteAsync(context, cached);
        }
        var html = render();
        if (key is null)
        {
            context.Response.Headers["Server-Timing"] = $"render;dur={clock.Elapsed.TotalMilliseconds:0.###}";
            return HtmlResponse.WriteAsync(context, html); // encoded straight into the response, no copy kept
        }
        var page = Encoding.UTF8.GetBytes(html);
        _cache.Keep(key, stamp!.Value, page);
        context.Response.Headers["Server-Timing"] = $"render;dur={clock.Elapsed.TotalMilliseconds:0.###}";
        return HtmlResponse.WriteAsync(context, page);
    }
}
