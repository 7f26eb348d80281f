using System.Text.Json.Serialization;

namespace Vectra.Runner.Capture.Cdp;

/// <summary>One entry of the browser's <c>GET /json/list</c>: a page, worker or other target.</summary>
internal sealed record CdpTarget(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("webSocketDebuggerUrl")] string? WebSocketDebuggerUrl);
