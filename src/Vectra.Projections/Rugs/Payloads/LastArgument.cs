using System.Text.Json;

namespace Vectra.Projections.Rugs.Payloads;

/// <summary>
/// The payload of a frame is its last argument: two-argument events carry a trace object first
/// (docs/feed.md §1). For the small, rare events a parsed element is clearer than a token scan.
/// </summary>
public static class LastArgument
{
    /// <summary>The last argument of <paramref name="args"/> as an element of <paramref name="document"/>, or null.</summary>
    public static JsonElement? Of(ReadOnlyMemory<byte> args, out JsonDocument document)
    {
        document = JsonDocument.Parse(args);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 ? root[root.GetArrayLength() - 1] : null;
    }
}
