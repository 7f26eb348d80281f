using Microsoft.AspNetCore.Http;

namespace Vectra.Runner.Serve;

/// <summary>Writes a rendered page with the headers every page carries: UTF-8 HTML, no caching, nothing loaded from elsewhere.</summary>
internal static class HtmlResponse
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

    public static Task WriteAsync(HttpContext context, string html)
    {
        SetHeaders(context);
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    /// <summary>Writes a page already encoded as UTF-8.</summary>
    public static Task WriteAsync(HttpContext context, byte[] html)
    {
        SetHeaders(context);
        context.Response.ContentLength = html.Length;
        return context.Response.Body.WriteAsync(html, context.RequestAborted).AsTask();
    }

    private static void SetHeaders(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
    }
}
