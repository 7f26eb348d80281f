using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Cli;

/// <summary>
/// Every command, run as the real binary, on every kind of damaged or unusable data folder: the exit code
/// docs/architecture.md §7.2 assigns (1 damage found, 3 cannot run here, 0 where the command can do its work), one line
/// saying what is wrong and what to do, never a stack trace, and a damaged journal left as it was found.
/// </summary>
public sealed class DamagedDataCommandTests(DamagedDataFixture data) : IClassFixture<DamagedDataFixture>
{
    private const int Parallel = 3;

    /// <summary>The commands, in the column order of <see cref="Expected"/>.</summary>
    private static readonly string[] Commands = ["status", "verify", "journal export", "project", "rebuild", "capture", "replay", "import"];

    private static readonly Dictionary<DataDamage, int[]> Expected = new()
    {
        //                                           status verify export project rebuild capture replay import
        [DataDamage.TruncatedJournal] = /*        */ [1, 1, 1, 1, 1, 1, 1, 1],
        [DataDamage.ZeroedHeaderPage] = /*        */ [1, 1, 1, 1, 1, 1, 1, 1],
        [DataDamage.NotSqlite] = /*               */ [1, 1, 1, 1, 1, 1, 1, 1],
        [DataDamage.StaleWalOfAnotherDatabase] = /**/ [1, 1, 1, 1, 1, 1, 1, 1],
        // Readers treat it as an empty journal; writers create the journal in it.
        [DataDamage.ZeroByteJournal] = /*         */ [0, 0, 0, 0, 0, 0, 0, 0],
        // Readers read an immutable folder; nothing that must write can run.
        [DataDamage.ReadOnlyFolder] = /*          */ [0, 0, 0, 3, 3, 3, 3, 3],
        // Reading needs no new bytes; everything that appends fails (the export writes its own file; project writes views.db).
        [DataDamage.DiskFull] = /*                */ [0, 0, 3, 3, 3, 3, 3, 3],
        // views.db is derived: the journal's commands are untouched, rebuild recreates it, capture goes on without projections.
        [DataDamage.CorruptViews] = /*            */ [1, 0, 0, 1, 0, 0, 1, 0],
    };

    private static readonly DataDamage[] DamagedJournals =
        [DataDamage.TruncatedJournal, DataDamage.ZeroedHeaderPage, DataDamage.NotSqlite, DataDamage.StaleWalOfAnotherDatabase];

    [Fact]
    public async Task Every_command_on_every_damaged_or_unusable_data_folder_exits_with_its_code_and_one_line_never_a_stack_trace()
    {
        using var scratch = new TempFolder();
        using var gate = new SemaphoreSlim(Parallel);
        var cells = Expected.Keys.SelectMany(damage => Commands.Select((command, column) => (damage, command, column))).ToList();
        var outcomes = await Task.WhenAll(cells.Select(async cell =>
        {
            await gate.WaitAsync();
            try
            {
                return await RunCell(scratch, cell.damage, cell.command, Expected[cell.damage][cell.column]);
            }
            finally
            {
                gate.Release();
            }
        }));
        var failures = outcomes.Where(o => o is not null).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells.Count} cells failed:\n\n{string.Join("\n\n", failures)}");
    }

    [Fact]
    public async Task A_corrupt_views_db_is_recreated_by_rebuild_with_the_rows_it_held_and_every_command_works_again()
    {
        using var scratch = new TempFolder();
        var folder = scratch.File("data");
        data.MakeDamaged(folder, DataDamage.CorruptViews);

        var rebuild = await VectraProcess.RunAsync("rebuild", "--data", folder);
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Contains("views.db was damaged", rebuild.Stderr);
        foreach (var table in new[] { "games", "ticks", "trades", "complete_games", "sidebets", "capture_sessions" })
        {
            Assert.Equal(Rows(data.Good, table), Rows(folder, table));
        }
        var status = await VectraProcess.RunAsync("status", "--data", folder);
        Assert.True(status.ExitCode == 0, status.ToString());
        var project = await VectraProcess.RunAsync("project", "--data", folder);
        Assert.True(project.ExitCode == 0, project.ToString());
    }

    private async Task<string?> RunCell(TempFolder scratch, DataDamage damage, string command, int expected)
    {
        var name = $"{damage}-{command.Replace(' ', '-')}";
        var folder = scratch.File(name);
        data.MakeDamaged(folder, damage);
        var journal = Path.Combine(folder, "journal.db");
        var before = DamagedJournals.Contains(damage) ? Fingerprint(journal) : null;
        VectraProcess.Result result;
        using var closedPort = ReserveClosedPort();
        try
        {
            result = await Run(damage, expected == 0, Arguments(command, folder, scratch.File(name + "-export.jsonl"), ((IPEndPoint)closedPort.LocalEndPoint!).Port));
        }
        finally
        {
            DamagedDataFixture.Release(folder, damage);
        }
        var problems = new List<string>();
        if (result.ExitCode != expected)
        {
            problems.Add($"exit {result.ExitCode}, expected {expected}");
        }
        if (result.Stdout.Contains("   at ", StringComparison.Ordinal) || result.Stderr.Contains("   at ", StringComparison.Ordinal))
        {
            problems.Add("a stack trace in the output");
        }
        var errorLines = result.Stderr.Split('\n').Count(line => line.StartsWith("vectra: ", StringComparison.Ordinal));
        if (result.ExitCode != 0 && command != "verify" && errorLines != 1)
        {
            problems.Add($"{errorLines} `vectra: ` error lines on stderr, expected one");
        }
        if (result.ExitCode == 1 && command == "verify" && !result.Stdout.Contains("The journal is damaged", StringComparison.Ordinal))
        {
            problems.Add("verify exited 1 without naming the damage");
        }
        if (before is not null && !before.SequenceEqual(Fingerprint(journal)))
        {
            problems.Add("the damaged journal.db was changed");
        }
        if (damage == DataDamage.StaleWalOfAnotherDatabase && !(File.Exists(journal + "-wal") && File.ReadAllBytes(journal + "-wal").AsSpan().SequenceEqual(File.ReadAllBytes(data.OtherWal))))
        {
            problems.Add("the stale journal.db-wal was changed or merged");
        }
        return problems.Count == 0 ? null : $"{damage} × {command}: {string.Join("; ", problems)}\n{result}";
    }

    private string[] Arguments(string command, string folder, string exportFile, int closedPort) => command switch
    {
        "journal export" => ["journal", "export", "--out", exportFile, "--data", folder],
        "capture" => ["capture", "--url", $"http://127.0.0.1:{closedPort}", "--data", folder],
        "replay" => ["replay", data.Recording, "--data", folder],
        "import" => ["import", data.Recording, "--data", folder],
        _ => [command, "--data", folder],
    };

    /// <summary>
    /// Runs vectra through bash, under a 64 KB file size limit for <see cref="DataDamage.DiskFull"/> (with SIGXFSZ
    /// ignored, so a write past it fails with EFBIG as a full disk fails with ENOSPC, rather than killing the process).
    /// A capture that starts and may run (<paramref name="mayRun"/>: the cell expects exit 0) is stopped with SIGTERM a
    /// second after it logged its session; one that must fail is left to exit by itself, however long the machine
    /// takes to reach the write that fails (a SIGTERM a second in came before the disk-full error on a busy machine).
    /// </summary>
    private static async Task<VectraProcess.Result> Run(DataDamage damage, bool mayRun, string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(damage == DataDamage.DiskFull ? "trap '' XFSZ; ulimit -f 64; exec \"$@\"" : "exec \"$@\"");
        start.ArgumentList.Add("vectra");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(VectraProcess.Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("VECTRA_DATA");
        // The runtime maps JIT code through a memory file that a file size limit would cap too.
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";

        using var process = new Process { StartInfo = start };
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
            if (e.Data.Contains("capture session", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exited = process.WaitForExitAsync(guard.Token);
        if (mayRun && await Task.WhenAny(exited, started.Task) == started.Task && !process.HasExited)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await term.WaitForExitAsync();
        }
        try
        {
            await exited;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (stderr)
            {
                stderr.AppendLine("(the test killed it: it had not exited within 2 minutes)");
            }
        }
        process.WaitForExit();
        return new VectraProcess.Result(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// A loopback port bound but never listened on, held for the whole cell: connecting to it is refused, and no
    /// server of a test running beside this one (feed servers, dashboards, all on port 0) can be given it meanwhile,
    /// as it could a port that was freed before the capture started.
    /// </summary>
    private static Socket ReserveClosedPort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static byte[]? Fingerprint(string path) => File.Exists(path) ? SHA256.HashData(File.ReadAllBytes(path)) : null;

    private static List<string> Rows(string folder, string table)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "views.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
