using System.Text.Json;
using Vectra.Projections.Rugs.Fairness;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Fairness;

/// <summary>Every distinct <c>gameHistory</c> entry found in the real captures that publish such windows.</summary>
internal static class RealGameHistory
{
    private static readonly string[] Sources =
    [
        "vectra-player/sandbox/websocket_raw_samples.jsonl",
        "vectra-player/rosetta-stone/key-samples.json",
        "vectra-player/ws_event_examples",
        "claude-flow/raw_captures",
    ];

    public static IReadOnlyList<CompletedGame> Load()
    {
        var games = new Dictionary<string, CompletedGame>(StringComparer.Ordinal);
        foreach (var file in Files())
        {
            foreach (var document in Documents(file))
            {
                using (document)
                {
                    Collect(document.RootElement, games);
                }
            }
        }
        return [.. games.Values.OrderBy(game => game.Id, StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Files()
    {
        foreach (var source in Sources)
        {
            var path = RealData.PathOf(source);
            if (File.Exists(path))
            {
                yield return path;
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.json*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
        }
    }

    private static IEnumerable<JsonDocument> Documents(string file)
    {
        if (file.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(line => line.Length > 0))
            {
                yield return JsonDocument.Parse(line);
            }
        }
        else
        {
            yield return JsonDocument.Parse(File.ReadAllBytes(file));
        }
    }

    private static void Collect(JsonElement element, Dictionary<string, CompletedGame> games)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("gameHistory") && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var entry in property.Value.EnumerateArray())
                        {
                            Add(CompletedGameJson.Read(entry), games);
                        }
                    }
                    else
                    {
                        Collect(property.Value, games);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, games);
                }
                break;
            default:
                break;
        }
    }

    private static void Add(CompletedGame? game, Dictionary<string, CompletedGame> games)
    {
        if (game?.ServerSeed is null)
        {
            return;
        }
        if (!games.TryGetValue(game.Id, out var known) || (known.Prices is null && game.Prices is not null))
        {
            games[game.Id] = game;
        }
    }
}
