using System.Text.Json;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Simulation;

/// <summary>Every key set seen in the real public-feed captures, by place (see <see cref="FrameShape"/>).</summary>
internal static class RealFrameShapes
{
    public static Dictionary<string, HashSet<string>> Load()
    {
        var shapes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (eventName, data) in Frames())
        {
            JsonElement[] args = data.ValueKind == JsonValueKind.Array ? [.. data.EnumerateArray()] : [data];
            foreach (var (place, keys) in FrameShape.KeySets(eventName, args))
            {
                if (!shapes.TryGetValue(place, out var set))
                {
                    shapes[place] = set = new HashSet<string>(StringComparer.Ordinal);
                }
                set.Add(keys);
            }
        }
        return shapes;
    }

    private static IEnumerable<(string Event, JsonElement Data)> Frames()
    {
        foreach (var line in File.ReadLines(RealData.PathOf("claude-flow/raw_captures/2025-12-12_17-16-58_raw.jsonl")))
        {
            var root = JsonDocument.Parse(line).RootElement;
            if (root.GetProperty("data").ValueKind != JsonValueKind.Null)
            {
                yield return (root.GetProperty("event").GetString()!, root.GetProperty("data"));
            }
        }
        foreach (var line in File.ReadLines(RealData.PathOf("vectra-player/sandbox/websocket_raw_samples.jsonl")))
        {
            var root = JsonDocument.Parse(line).RootElement;
            yield return (root.GetProperty("event_type").GetString()!, root.GetProperty("data"));
        }
    }
}
