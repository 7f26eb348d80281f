using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Runner.Import;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Import;

/// <summary>
/// The time rules checked against the server's own clock: a rug's extended emission arrives seconds after
/// the end time (<c>gameHistory[0].timestamp</c>, ms UTC) of the newest completed game it lists.
/// </summary>
public class RealDataClockTests
{
    private static long SecondsAfterNewestHistoryEntry(JournalRecord record)
    {
        using var args = JsonDocument.Parse(record.Args);
        var endedMs = args.RootElement[args.RootElement.GetArrayLength() - 1].GetProperty("gameHistory")[0].GetProperty("timestamp").GetInt64();
        return (record.Ts / 1000 - endedMs) / 1000;
    }

    [RealDataFact]
    public async Task Key_samples_corrected_for_the_utcnow_skew_land_just_after_the_server_end_time()
    {
        using var folder = new TempFolder();
        var imported = await ImportHarness.ImportFilesAsync(folder, [RealData.PathOf("vectra-player/rosetta-stone/key-samples.json")]);

        var firstWithHistory = imported.Frames.First(r => r.ArgsText.Contains("\"gameHistory\"", StringComparison.Ordinal));
        Assert.InRange(SecondsAfterNewestHistoryEntry(firstWithHistory), 0, 5);
    }

    [RealDataFact]
    public async Task Ws_event_examples_hold_naive_utc_so_they_read_right_with_tz_utc_and_five_hours_late_without()
    {
        const string example = "vectra-player/ws_event_examples/gameStateUpdate/examples/seq_198_2025-12-17T21-35-17.757484_gameStateUpdate.json";
        using var utcFolder = new TempFolder();
        using var easternFolder = new TempFolder();
        var utc = await ImportHarness.ImportFilesAsync(utcFolder, [RealData.PathOf(example)], zone: "UTC");
        var eastern = await ImportHarness.ImportFilesAsync(easternFolder, [RealData.PathOf(example)]);

        Assert.Equal(ImportFormat.RawCapture, utc.File.Format);
        Assert.InRange(SecondsAfterNewestHistoryEntry(utc.Frames.Single()), 0, 120);
        Assert.Equal(5 * 3600, (eastern.Frames.Single().Ts - utc.Frames.Single().Ts) / 1_000_000);
    }
}
