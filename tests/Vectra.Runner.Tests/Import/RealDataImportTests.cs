using System.Text.Json;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Tests.Common;
using static Vectra.Runner.Tests.Import.ImportHarness;

namespace Vectra.Runner.Tests.Import;

/// <summary>
/// Conformance over the real captures: every recording imports with <c>--format auto</c> through the real
/// executable, with per-file counts computed here independently of the importers. The two
/// claude-flow/schema_samples files are analysis output (a bare array of payloads without times or event
/// names, and a field-frequency table), not recordings, and are expected to be left alone.
/// </summary>
public class RealDataImportTests
{
    private const string RawCapture = "claude-flow/raw_captures/2025-12-12_17-16-58_raw.jsonl";
    private const string WsSamples = "vectra-player/sandbox/websocket_raw_samples.jsonl";
    private const string KeySamples = "vectra-player/rosetta-stone/key-samples.json";
    private const string TornReplayer = "replayer/rugs_recordings/game_20251031_150556.jsonl";
    private static readonly string[] NotRecordings =
        ["claude-flow/schema_samples/gameStatePlayerUpdate_schema_samples.json", "claude-flow/schema_samples/leaderboardEntry_schema_analysis.json"];

    private static string Relative(string path) => Path.GetRelativePath(RealData.Folder!, path).Replace('\\', '/');

    private static async Task<Dictionary<string, JsonElement>> ImportAllAsync(TempFolder folder)
    {
        var result = await VectraProcess.RunAsync("import", "--json", "--format", "auto", "--data", DataOf(folder), RealData.Folder!);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = JsonDocument.Parse(result.Stdout);
        return report.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => Relative(f.GetProperty("path").GetString()!), f => f.Clone());
    }

    private static List<JournalRecord> RecordsOf(JournalReader reader, JsonElement file) =>
        reader.ReadSeqRange(file.GetProperty("firstSeq").GetInt64(), file.GetProperty("lastSeq").GetInt64()).Where(r => r.Event != "$import").ToList();

    /// <summary>Non-blank lines, and those that are one complete JSON object, counted with JsonDocument.</summary>
    private static (int Lines, int Valid) CountJsonLines(string path)
    {
        int lines = 0, valid = 0;
        foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            lines++;
            try
            {
                using var doc = JsonDocument.Parse(line);
                valid += doc.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
            }
            catch (JsonException)
            {
            }
        }
        return (lines, valid);
    }

    [RealDataFact]
    public async Task Every_recording_imports_with_auto_and_its_records_and_skipped_lines_match_counts_made_independently()
    {
        using var folder = new TempFolder();
        var files = await ImportAllAsync(folder);
        using var reader = JournalReader.Open(DataOf(folder));

        var expectedFiles = Directory.EnumerateFiles(RealData.Folder!, "*", SearchOption.AllDirectories).Select(Relative)
            .Where(p => p is not "README.md" and not "MANIFEST.tsv").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedFiles, files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in files)
        {
            var outcome = file.GetProperty("outcome").GetString();
            if (NotRecordings.Contains(path))
            {
                Assert.Equal("NotARecording", outcome);
                continue;
            }
            Assert.True(outcome == "Imported", $"{path}: {outcome}");
            var records = RecordsOf(reader, file);
            Assert.Equal(file.GetProperty("records").GetInt64(), records.Count);
            if (path.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                var (lines, valid) = CountJsonLines(RealData.PathOf(path));
                Assert.True(valid == records.Count, $"{path}: {records.Count} records, {valid} valid lines");
                Assert.Equal(lines - valid, file.GetProperty("skipped").GetInt64());
            }
            else if (path == KeySamples)
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(RealData.PathOf(path)));
                Assert.Equal(doc.RootElement.EnumerateObject().Count(), records.Count);
            }
            else
            {
                Assert.Single(records); // ws_event_examples: one frame per file
            }
        }
    }

    [RealDataFact]
    public async Task The_known_counts_of_the_readme_hold()
    {
        using var folder = new TempFolder();
        var files = await ImportAllAsync(folder);
        using var reader = JournalReader.Open(DataOf(folder));

        var raw = RecordsOf(reader, files[RawCapture]).GroupBy(r => r.Event).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(554, raw.Values.Sum());
        Assert.Equal(510, raw["gameStateUpdate"]);
        Assert.Equal(31, raw["standard/newTrade"]);
        Assert.Equal(11, raw["newChatMessage"]);
        Assert.Equal(1, raw["battleEventUpdate"]);
        Assert.Equal(1, raw["$connection.open"]);
        Assert.Equal(200, RecordsOf(reader, files[WsSamples]).Count);
        Assert.Equal(11, RecordsOf(reader, files[KeySamples]).Count);
        Assert.Equal(52, files[TornReplayer].GetProperty("skipped").GetInt64());
        Assert.Equal(25, RecordsOf(reader, files[TornReplayer]).Count);
        Assert.Equal("raw-capture", files[RawCapture].GetProperty("format").GetString());
        Assert.Equal("ws-samples", files[WsSamples].GetProperty("format").GetString());
        Assert.Equal("key-samples", files[KeySamples].GetProperty("format").GetString());
        Assert.Equal("replayer", files[TornReplayer].GetProperty("format").GetString());
    }

    [RealDataFact]
    public async Task Raw_capture_args_are_each_lines_data_bytes_and_two_arg_frames_keep_their_trace()
    {
        using var folder = new TempFolder();
        var files = await ImportAllAsync(folder);
        using var reader = JournalReader.Open(DataOf(folder));

        var records = RecordsOf(reader, files[RawCapture]);
        var lines = File.ReadLines(RealData.PathOf(RawCapture)).ToList();
        Assert.Equal(lines.Count, records.Count);
        for (var i = 1; i < lines.Count; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            var data = line.RootElement.GetProperty("data");
            var twoArgs = data.ValueKind == JsonValueKind.Array && data.GetArrayLength() == 2 && data[0].TryGetProperty("__trace", out _);
            Assert.Equal(line.RootElement.GetProperty("event").GetString(), records[i].Event);
            Assert.Equal(Utf8(twoArgs ? data.GetRawText() : $"[{data.GetRawText()}]"), records[i].Args);
        }
        Assert.Equal(31 + 11 + 1, records.Count(r => r.Args.AsSpan().StartsWith("[{\"__trace\""u8)));
    }

    [RealDataFact]
    public async Task Meta_ts_is_the_naive_us_eastern_time_in_utc_under_standard_and_daylight_time()
    {
        using var folder = new TempFolder();
        var files = await ImportAllAsync(folder);
        using var reader = JournalReader.Open(DataOf(folder));

        // Line 1 of the raw capture: "2025-12-12T17:16:58.624285" in December, EST (UTC−5).
        Assert.Equal(Micros("2025-12-12T22:16:58.624285Z"), RecordsOf(reader, files[RawCapture])[0].Ts);
        // Line 1 of a REPLAYER log: "2025-10-29T18:36:08.375715" in October, EDT (UTC−4).
        Assert.Equal(Micros("2025-10-29T22:36:08.375715Z"), RecordsOf(reader, files["replayer/rugs_recordings/game_20251029_183608.jsonl"])[0].Ts);
    }

    [RealDataFact]
    public async Task A_second_import_of_the_same_files_adds_zero_records()
    {
        using var folder = new TempFolder();
        await ImportAllAsync(folder);
        long tail;
        using (var reader = JournalReader.Open(DataOf(folder)))
        {
            tail = reader.Tail;
        }
        var again = await ImportAllAsync(folder);

        Assert.All(again.Where(f => !NotRecordings.Contains(f.Key)), f => Assert.Equal("AlreadyImported", f.Value.GetProperty("outcome").GetString()));
        using var after = JournalReader.Open(DataOf(folder));
        Assert.Equal(tail, after.Tail);
    }
}
