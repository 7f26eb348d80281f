using System.Text;

namespace Vectra.Runner.Tests.Snapshots;

/// <summary>
/// A small snapshot assertion (Verify is not obtainable here): the received rows are compared with
/// <c>&lt;folder&gt;/&lt;name&gt;.verified.json</c>. A mismatch writes <c>&lt;name&gt;.received.json</c>
/// beside it and fails with the rows that differ; with <c>VECTRA_ACCEPT=1</c> the received file
/// becomes the verified one.
/// </summary>
internal static class SnapshotFile
{
    private const int RowsShown = 8;

    public static void Verify(string folder, string name, IReadOnlyList<string> rows) =>
        Verify(folder, name, rows, accept: Environment.GetEnvironmentVariable("VECTRA_ACCEPT") == "1");

    public static void Verify(string folder, string name, IReadOnlyList<string> rows, bool accept)
    {
        var verifiedPath = Path.Combine(folder, name + ".verified.json");
        var receivedPath = Path.Combine(folder, name + ".received.json");
        var received = Render(rows);
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(folder);
        if (accept)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received);
        throw new SnapshotMismatchException(Describe(verifiedPath, receivedPath, verified, rows));
    }

    /// <summary>One row per line inside a JSON array, so a diff tool shows changed rows.</summary>
    public static string Render(IReadOnlyList<string> rows) =>
        rows.Count == 0 ? "[]\n" : "[\n" + string.Join(",\n", rows) + "\n]\n";

    private static string Describe(string verifiedPath, string receivedPath, string? verified, IReadOnlyList<string> rows)
    {
        if (verified is null)
        {
            return $"no verified snapshot {verifiedPath}; review {receivedPath} and accept it with VECTRA_ACCEPT=1.";
        }
        var expected = Parse(verified);
        var missing = expected.Except(rows).ToList();
        var extra = rows.Except(expected).ToList();
        var text = new StringBuilder($"snapshot {verifiedPath} differs ({missing.Count} row(s) no longer produced, {extra.Count} new or changed); received rows in {receivedPath}\n");
        foreach (var row in missing.Take(RowsShown))
        {
            text.Append("  - ").AppendLine(Shorten(row));
        }
        foreach (var row in extra.Take(RowsShown))
        {
            text.Append("  + ").AppendLine(Shorten(row));
        }
        return text.Append("If the change is intended, rerun with VECTRA_ACCEPT=1.").ToString();
    }

    private static List<string> Parse(string rendered) =>
        rendered.Split('\n').Select(line => line.TrimEnd(',')).Where(line => line.StartsWith('{')).ToList();

    private static string Shorten(string row) => row.Length <= 400 ? row : row[..400] + "…";
}

/// <summary>A snapshot did not match; the message lists the rows that differ.</summary>
internal sealed class SnapshotMismatchException(string message) : Exception(message);
