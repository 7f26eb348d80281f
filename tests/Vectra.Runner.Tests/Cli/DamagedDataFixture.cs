using System.Diagnostics;
using Vectra.Journal;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Cli;

/// <summary>
/// A sound data folder (journal.db and views.db made by the real binary), a recording to import, and the
/// write-ahead log of another journal, from which every case of <see cref="DataDamage"/> is made.
/// </summary>
public sealed class DamagedDataFixture : IAsyncLifetime, IDisposable
{
    private const int PageSize = 16384;
    private readonly TempFolder _folder = new();

    /// <summary>The sound data folder; copy it, never change it.</summary>
    public string Good => _folder.File("good");

    /// <summary>A recording (journal JSONL) for import and replay.</summary>
    public string Recording => _folder.File("recording.jsonl");

    /// <summary>Committed frames of another journal, still in its write-ahead log.</summary>
    public string OtherWal => _folder.File("other.wal");

    public async Task InitializeAsync()
    {
        var simulated = _folder.File("simulated.jsonl");
        await Succeed("simulate", "--games", "2", "--out", simulated);
        await Succeed("journal", "import", simulated, "--data", Good);
        await Succeed("project", "--data", Good);
        await Succeed("simulate", "--games", "1", "--seed", "7", "--out", Recording);

        var other = _folder.File("other");
        using var writer = JournalWriter.Open(other, Durability.Batch);
        await writer.AppendBatchAsync(Enumerable.Range(1, 200).Select(n => NewRecord.FromText(
            "gameStateUpdate", $"[{{\"tickCount\":{n},\"other\":\"{new string('x', 2000)}\"}}]", 1_765_000_000_000_000L + n, Guid.NewGuid(), 1, "live")).ToArray());
        // Copied while the writer is open: its close would checkpoint the log into its own journal.db.
        File.Copy(Path.Combine(other, "journal.db-wal"), OtherWal);
    }

    /// <summary>A fresh copy of the sound folder at <paramref name="data"/> with <paramref name="damage"/> done to it.</summary>
    public void MakeDamaged(string data, DataDamage damage)
    {
        Directory.CreateDirectory(data);
        var journal = Path.Combine(data, "journal.db");
        var views = Path.Combine(data, "views.db");
        File.Copy(Path.Combine(Good, "journal.db"), journal);
        File.Copy(Path.Combine(Good, "views.db"), views);
        switch (damage)
        {
            case DataDamage.TruncatedJournal:
                using (var file = new FileStream(journal, FileMode.Open))
                {
                    file.SetLength(file.Length / 2);
                }
                break;
            case DataDamage.ZeroedHeaderPage:
                ZeroFirstPage(journal);
                break;
            case DataDamage.NotSqlite:
                File.WriteAllText(journal, string.Concat(Enumerable.Repeat("{\"this is\":\"not a database\"}\n", 2000)));
                break;
            case DataDamage.StaleWalOfAnotherDatabase:
                File.Copy(OtherWal, journal + "-wal");
                break;
            case DataDamage.ZeroByteJournal:
                File.WriteAllBytes(journal, []);
                File.Delete(views);
                break;
            case DataDamage.ReadOnlyFolder:
                MakeReadOnly(data);
                break;
            case DataDamage.CorruptViews:
                ZeroFirstPage(views);
                break;
            case DataDamage.DiskFull:
                // Without views.db, project must write it anew. With the sound views.db it has nothing to append (only
                // its small open export files, under the 64 KB limit), which on a really full disk would fail too.
                File.Delete(views);
                break;
        }
    }

    /// <summary>Makes a folder writable again so it can be deleted.</summary>
    public static void Release(string data, DataDamage damage)
    {
        if (damage == DataDamage.ReadOnlyFolder)
        {
            if (Environment.UserName == "root")
            {
                Tool("chattr", ["-R", "-i", data]);
            }
            else
            {
                Tool("chmod", ["-R", "u+w", data]);
            }
        }
    }

    /// <summary>
    /// Root writes through any permission, so as root the folder and its files are made immutable
    /// (<c>chattr +i</c>: no file may be created, written or deleted there, not even by root); otherwise mode bits do it.
    /// </summary>
    private static void MakeReadOnly(string data)
    {
        if (Environment.UserName == "root")
        {
            Tool("chattr", ["-R", "+i", data]);
            Assert.Throws<UnauthorizedAccessException>(() => File.WriteAllText(Path.Combine(data, "probe"), "x"));
        }
        else
        {
            Tool("chmod", ["-R", "a-w", data]);
        }
    }

    private static void ZeroFirstPage(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Write(new byte[PageSize]);
    }

    private static void Tool(string name, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(name, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{name} {string.Join(' ', args)}: {error}");
    }

    private static async Task Succeed(params string[] args)
    {
        var result = await VectraProcess.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}
