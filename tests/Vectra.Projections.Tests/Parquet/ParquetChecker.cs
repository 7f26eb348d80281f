using System.Diagnostics;
using System.Text.Json;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>
/// Runs tests/parquet-checker (DuckDB and hyparquet under Node) on a file. Installs its packages with
/// <c>npm ci</c> on first use; a lock file keeps concurrent test processes from installing at the same time.
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
        // Named after the lock file's hash, so node_modules installed for an older lock file is installed again.
        var lockHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "package-lock.json"))))[..16];
        var marker = Path.Combine(folder, "node_modules", ".vectra-npm-ci-done-" + lockHash);
        if (File.Exists(marker))
        {
            return folder;
        }
        using var installLock = AcquireLock(Path.Combine(folder, ".install.lock"));
        if (!File.Exists(marker))
        {
            var start = new ProcessStartInfo("npm") { WorkingDirectory = folder };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            {
                start.ArgumentList.Add(argument);
            }
            var (exitCode, stdout, stderr) = Execute(start);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {folder} failed ({exitCode}): {stdout}{stderr}");
            }
            File.WriteAllText(marker, "npm ci completed\n");
        }
        return folder;
    }

    /// <summary>An exclusive lock between processes: the file can be open by one process at a time.</summary>
    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
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
