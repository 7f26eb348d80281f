using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Cli;

/// <summary><c>vectra import</c> and <c>vectra replay</c> run as the real executable.</summary>
public class ImportCommandTests
{
    private const string Capture = """
        {"seq": 1, "ts": "2025-12-12T17:16:58.6", "event": "connect", "data": null}
        {"seq": 2, "ts": "2025-12-12T17:16:58.9", "event": "gameStateUpdate", "data": {"tickCount": 1}}
        {"seq": 3, "ts": "2025-12-12T17:16:59.1", "event": "gameStateUpdate", "data": {"tickCo
        """;

    [Fact]
    public async Task A_missing_path_exits_2_and_says_what_to_pass()
    {
        using var folder = new TempFolder();
        var result = await VectraProcess.RunAsync("import", folder.File("nope.jsonl"), "--data", folder.File("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.jsonl does not exist", result.Stderr);
        Assert.Contains("Pass recording files or folders", result.Stderr);
    }

    [Fact]
    public async Task An_unknown_format_exits_2_and_lists_the_formats()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("a_raw.jsonl"), Capture);
        var result = await VectraProcess.RunAsync("import", "--format", "parquet", folder.File("a_raw.jsonl"), "--data", folder.File("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format parquet", result.Stderr);
        Assert.Contains("raw-capture, ws-samples, key-samples, cdp, replayer", result.Stderr);
    }

    [Fact]
    public async Task A_named_file_in_no_known_format_exits_2_and_asks_for_format()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("notes.json"), "[1, 2, 3]");
        var result = await VectraProcess.RunAsync("import", folder.File("notes.json"), "--data", folder.File("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Pass --format", result.Stderr);
    }

    [Fact]
    public async Task An_unknown_time_zone_exits_2()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("a_raw.jsonl"), Capture);
        var result = await VectraProcess.RunAsync("import", "--tz", "Mars/Olympus", folder.File("a_raw.jsonl"), "--data", folder.File("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--tz Mars/Olympus", result.Stderr);
    }

    [Fact]
    public async Task A_folder_imports_once_then_adds_nothing_and_the_export_shows_the_records()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("in/deeper"));
        await File.WriteAllTextAsync(folder.File("in/deeper/a_raw.jsonl"), Capture);
        await File.WriteAllTextAsync(folder.File("in/README.md"), "not a recording");

        var first = await VectraProcess.RunAsync("import", folder.File("in"), "--data", folder.File("data"));
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("as raw-capture: 2 records from 3 lines, 1 skipped", first.Stdout);
        Assert.Contains("1 / 1 (100%) files, 3 lines", first.Stderr);
        var second = await VectraProcess.RunAsync("import", folder.File("in"), "--data", folder.File("data"));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("already imported", second.Stdout);

        var export = await VectraProcess.RunAsync("journal", "export", "--data", folder.File("data"));
        var lines = export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"meta_ts\":\"2025-12-12T22:16:58.900000Z\"", lines[1]);
        Assert.EndsWith("\"meta_conn\":1,\"meta_source\":\"import:raw-capture\",\"event\":\"gameStateUpdate\",\"args\":[{\"tickCount\": 1}]}", lines[1]);
        Assert.Contains("\"event\":\"$import\"", lines[2]);
    }

    [Fact]
    public async Task Replay_imports_and_reports_the_records_it_replayed_and_their_rate()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("a_raw.jsonl"), Capture);
        var result = await VectraProcess.RunAsync("replay", folder.File("a_raw.jsonl"), "--speed", "max", "--data", folder.File("data"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("replayed 3 records at speed max", result.Stdout);
        Assert.Contains("records/s", result.Stdout);
        var bad = await VectraProcess.RunAsync("replay", folder.File("a_raw.jsonl"), "--speed", "fast", "--data", folder.File("data"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--speed fast", bad.Stderr);
    }
}
