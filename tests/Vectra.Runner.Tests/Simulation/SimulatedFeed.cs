using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Tests.Simulation;

/// <summary>Helpers to run the simulator in memory and read its frames back.</summary>
internal static class SimulatedFeed
{
    public static SimulationOptions Options(int games, ulong seed = 42, string? faults = null) =>
        new(games, seed, SimulationOptions.DefaultStart, SimulationOptions.ParseFaults(faults));

    public static List<JournalRecord> Records(SimulationOptions options) => [.. FeedSimulator.Records(options)];

    public static byte[] Bytes(SimulationOptions options)
    {
        using var output = new MemoryStream();
        FeedSimulator.Write(options, output);
        return output.ToArray();
    }

    /// <summary>The payload (last argument) of a record.</summary>
    public static JsonElement Payload(JournalRecord record)
    {
        using var document = JsonDocument.Parse(record.Args);
        return document.RootElement[document.RootElement.GetArrayLength() - 1].Clone();
    }

    public static IEnumerable<JsonElement> GameStates(IEnumerable<JournalRecord> records) =>
        records.Where(r => r.Event == "gameStateUpdate").Select(Payload);
}
