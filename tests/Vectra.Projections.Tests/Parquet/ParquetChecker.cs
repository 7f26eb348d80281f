using System.Diagnostics;
using System.Text.Json;
using Vectra.Runner.Bench;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>
/// Runs tests/parquet-checker (DuckDB and hyparquet under Node) on a file. Installs its packages with
/// <c>npm ci</c> on first use through the product's <see cref="NpmInstall"/>, whose lock keeps concurrent processes
/// (test projects side by side, <c>vectra bench parquet</c>) from installing at the same time.
/// </summary>
public static class ParquetChecker
{
    private static readonly Lazy<string> Folder = new(Install);

    public static string CheckerFolder => Folder.Value;

    /// <summary>Both readers' rows and DuckDB's column types.</summary>
    public static JsonElement Read(string file) => Run("read", file);

    /// <summary>Every *.parquet file under <paramref name="folder"/>, sorted by path, each read by both readers.</summary>
    public static JsonElement Tree(string folder) => Run("tree", folder);

    /// <summary>DuckDB's parquet_metadata() rows for the file.</summary>
    public static JsonElement Metadata(string file) => Run("metadata", file);

    /// <summary>Any DuckDB query; rows come back as exact strings.</summary>
    public static JsonElement Query(string sql) => Run("query", sql);

    /// <summary>A file path fit for a SQL string literal.</summary>
    public static string SqlLiteral(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static JsonElement Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = CheckerFolder };
        start.ArgumentList.Add("check.mjs");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var (exitCode, stdout, stderr) = Execute(start);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"parquet-checker {arguments[0]} failed ({exitCode}): {stderr}");
        }
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    private static string Install()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "parquet-checker");
        // The product's installer, so tests and `vectra bench parquet` share one lock and one stamp.
        NpmInstall.EnsureInstalledAsync(folder).GetAwaiter().GetResult();
        return folder;
    }

    private static (int ExitCode, string Stdout, string Stderr) Execute(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }
}
