using Microsoft.AspNetCore.Http;

namespace Vectra.Runner.Serve.Pages;

/// <summary>The page every failed request gets: its status and one line saying what happened. Never a stack trace.</summary>
internal static class ErrorPage
{
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        var title = status switch
        {
            400 => "Bad request",
            404 => "Not found",
            405 => "Method not allowed",
            _ => "Something went wrong",
        };
        var page = PageLayout.Render(title, "", html =>
            html.Element("h1", $"{status} · {title}").Element("p", message, ("id", "error-message")).Open("p").Link("/", "back to Now").Close("p"));
        context.Response.StatusCode = status;
        return HtmlResponse.WriteAsync(context, page);
    }
}
