using Microsoft.AspNetCore.Http;

namespace Vectra.Runner.Serve;

/// <summary>Writes a rendered page with the headers every page carries: UTF-8 HTML, no caching, nothing loaded from elsewhere.</summary>
internal static class HtmlResponse
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

    public static Task WriteAsync(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }
}
