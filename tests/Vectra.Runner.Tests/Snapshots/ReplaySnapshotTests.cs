using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Parquet;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Snapshots;

/// <summary>
/// Recordings made with <c>vectra simulate</c> (tests/recordings, see its README) replayed through the
/// real binary (then <c>vectra export events</c>); every projection table, and every Parquet export as decoded by DuckDB, is compared with
/// its verified snapshot under snapshots/.
/// </summary>
public class ReplaySnapshotTests
{
    public static TheoryData<string> Recordings => new()
    {
        "clean", "mid-game-join", "missing-rug-emission", "duplicated-out-of-order", "torn-lines", "reconnect-gap",
    };

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Replaying_a_recording_gives_the_verified_tables(string recording)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(RepositoryRoot.Path, "tests", "recordings", recording + ".jsonl");
        var result = await VectraProcess.RunAsync("replay", path, "--speed", "max", "--data", folder.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        var events = await VectraProcess.RunAsync("export", "events", "--data", folder.Path);
        Assert.True(events.ExitCode == 0, events.ToString());

        var failures = new List<string>();
        var outputs = ViewsDump.RugsTables.Concat(ViewsDump.CaptureTables).Select(table => (Name: table, Rows: (Func<IReadOnlyList<string>>)(() => ViewsDump.Rows(folder.Path, table))))
            .Concat(ExportTypes.Select(type => (Name: "export." + type, Rows: (Func<IReadOnlyList<string>>)(() => ExportRows(folder.Path, type)))));
        foreach (var (name, rows) in outputs)
        {
            try
            {
                SnapshotFile.Verify(Path.Combine(RepositoryRoot.Path, "snapshots", recording), name, rows());
            }
            catch (SnapshotMismatchException mismatch)
            {
                failures.Add(mismatch.Message);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static readonly string[] ExportTypes = ["events", "game_tick", "trade", "complete_game", "sidebet"];

    /// <summary>
    /// An export type's rows over all its files (closed and open tail), decoded by DuckDB, one canonical
    /// JSON object per row, sorted. The events export repeats every payload, so its <c>data</c> is kept
    /// as a sha256 and a length rather than the text itself.
    /// </summary>
    private static List<string> ExportRows(string data, string type)
    {
        var folder = Path.Combine(data, "exports", "doc_type=" + type);
        if (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.parquet", SearchOption.AllDirectories).Length == 0)
        {
            return [];
        }
        var files = ParquetChecker.SqlLiteral(Path.Combine(folder, "**", "*.parquet"));
        var columns = type == "events" ? "* EXCLUDE (data), sha256(data) AS data_sha256, length(data) AS data_length" : "*";
        var result = ParquetChecker.Query($"SELECT {columns} FROM read_parquet({files}, hive_partitioning = true) ORDER BY ALL");
        var names = result.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
        var order = Enumerable.Range(0, names.Length).OrderBy(i => names[i], StringComparer.Ordinal).ToArray();
        var rows = new List<string>();
        foreach (var row in result.GetProperty("rows").EnumerateArray())
        {
            var values = row.EnumerateArray().ToArray();
            rows.Add("{" + string.Join(",", order.Select(i => System.Text.Json.JsonSerializer.Serialize(names[i]) + ":" + values[i].GetRawText())) + "}");
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
