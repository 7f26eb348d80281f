namespace Vectra.Runner.Serve;

/// <summary>A request the dashboard answers with an error page: 400 for a bad request, 404 for something that is not there.</summary>
internal sealed class PageException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static PageException BadRequest(string message) => new(400, message);

    public static PageException NotFound(string message) => new(404, message);
}
