using System.Text.Json;

namespace Vectra.Runner.Tests.Simulation;

/// <summary>
/// The key sets a frame shows at each place that matters: the payload (classed by event and, for
/// <c>gameStateUpdate</c>, minimal / tick-zero / standard / extended) and its nested objects.
/// </summary>
internal static class FrameShape
{
    private static readonly string[] NestedObjects = ["partialPrices", "rugpool", "provablyFair", "rugRoyale"];

    public static string ClassOf(string eventName, JsonElement payload)
    {
        if (eventName != "gameStateUpdate")
        {
            return eventName;
        }
        if (payload.TryGetProperty("gameHistory", out _))
        {
            return "gameStateUpdate/extended";
        }
        if (!payload.TryGetProperty("active", out _))
        {
            return "gameStateUpdate/minimal";
        }
        return payload.TryGetProperty("gameVersion", out _) ? "gameStateUpdate/tick-zero" : "gameStateUpdate/standard";
    }

    /// <summary>(place, sorted key set) pairs of one frame: <c>class</c>, <c>class.leaderboard[]</c>, <c>class.gameHistory[]</c>…</summary>
    public static IEnumerable<(string Place, string Keys)> KeySets(string eventName, JsonElement[] args)
    {
        var payload = args[^1];
        var cls = ClassOf(eventName, payload);
        yield return ($"{cls}#args", args.Length.ToString());
        if (args.Length == 2)
        {
            yield return ($"{cls}#trace", Keys(args[0]));
        }
        if (payload.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        yield return (cls, Keys(payload));
        foreach (var name in NestedObjects)
        {
            if (payload.TryGetProperty(name, out var nested) && nested.ValueKind == JsonValueKind.Object)
            {
                yield return ($"{cls}.{name}", Keys(nested));
            }
        }
        foreach (var entry in Items(payload, "leaderboard"))
        {
            yield return ($"{cls}.leaderboard[]", Keys(entry));
        }
        foreach (var entry in Items(payload, "gameHistory"))
        {
            yield return ("gameHistory[]", Keys(entry));
            foreach (var bet in Items(entry, "globalSidebets"))
            {
                yield return ("globalSidebets[]", Keys(bet));
            }
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    private static string Keys(JsonElement obj) =>
        string.Join(',', obj.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
}
