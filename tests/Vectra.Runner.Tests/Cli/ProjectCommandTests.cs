using System.Diagnostics;
using System.Text.Json;
using Vectra.Journal;
using Vectra.Journal.Writing;
using Vectra.Projections.Runtime;
using Vectra.Runner.Simulation;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Cli;

/// <summary><c>vectra project</c> and <c>vectra rebuild</c> as real processes, including SIGKILL in the middle.</summary>
public class ProjectCommandTests
{
    private static async Task JournalOf(string data, int games, ulong seed)
    {
        using var writer = JournalWriter.Open(data, Durability.None);
        foreach (var chunk in FeedSimulator.Records(SimulationOptions.Of(games, seed)).Chunk(4000))
        {
            await writer.AppendExactAsync(chunk);
        }
    }

    [Fact]
    public async Task SIGKILL_during_project_follow_then_restart_gives_the_same_tables_as_a_clean_run()
    {
        using var folder = new TempFolder();
        var killed = folder.File("killed");
        var clean = folder.File("clean");
        await JournalOf(killed, games: 120, seed: 21);
        Directory.CreateDirectory(clean);
        File.Copy(Path.Combine(killed, "journal.db"), Path.Combine(clean, "journal.db"));

        var random = new Random(4);
        var tail = JournalTail(killed);
        var checkpoints = new List<long> { 0 };
        for (var round = 1; round <= Rounds; round++)
        {
            using var process = Process.Start(VectraProcess.StartInfo("project", "--follow", "--data", killed))!;
            // Kill while work is under way: once the checkpoint passed this round's mark, a few ms into the next batch.
            // Measured in progress, not in time (a fast machine gets through the whole journal in half a second), and
            // the marks are fixed fractions of the journal, not batches past the last kill: a run that gets a few
            // batches past its mark before the kill lands does not move the later marks, so they stay short of the end.
            var mark = tail * round / (Rounds + 2);
            var deadline = Stopwatch.StartNew();
            while (RugsCheckpoint(killed) < mark && deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(5);
            }
            await Task.Delay(random.Next(0, 30));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            checkpoints.Add(RugsCheckpoint(killed));
        }
        var finish = await VectraProcess.RunAsync("project", "--data", killed);
        Assert.True(finish.ExitCode == 0, finish.ToString());
        var rebuild = await VectraProcess.RunAsync("rebuild", "--data", clean);
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());

        Assert.True(checkpoints.Count(c => c > 0 && c < tail) >= 3, $"kills did not land mid-way: checkpoints {string.Join(", ", checkpoints)} of {tail}");
        Assert.Equal(ViewsDump.Text(clean, ViewsDump.RugsTables), ViewsDump.Text(killed, ViewsDump.RugsTables));
    }

    [Fact]
    public async Task SIGTERM_stops_project_follow_with_exit_0_after_printing_its_caught_up_checkpoints()
    {
        using var folder = new TempFolder();
        var data = folder.File("data");
        await JournalOf(data, games: 3, seed: 5);
        var tail = JournalTail(data);

        using var process = Process.Start(VectraProcess.StartInfo("project", "--follow", "--data", data))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var following = false;
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            while (!following && await process.StandardError.ReadLineAsync(limit.Token) is { } line)
            {
                following = line.Contains("following the journal", StringComparison.Ordinal);
            }
        }
        Assert.True(following, "project --follow never said it was following the journal");
        Capture.UnixSignal.Terminate(process.Id);
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await process.WaitForExitAsync(limit.Token);
        }

        Assert.Equal(0, process.ExitCode);
        Assert.Contains($"checkpoint {tail:N0}", await stdout, StringComparison.Ordinal);
        Assert.Equal(tail, RugsCheckpoint(data));
    }

    /// <summary>Kills during <c>project --follow</c>; the marks are at 1/8 … 6/8 of the journal.</summary>
    private const int Rounds = 6;

    private static long RugsCheckpoint(string data)
    {
        try
        {
            return ProjectionStates.Read(data, 0).SingleOrDefault(s => s.Name == "rugs")?.Checkpoint ?? 0;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // views.db exists but its tables are not created yet
        }
    }

    private static long JournalTail(string data)
    {
        using var reader = Vectra.Journal.Reading.JournalReader.Open(data);
        return reader.Tail;
    }

    [Fact]
    public async Task Rebuild_reproduces_the_tables_and_status_shows_each_projections_checkpoint_and_lag()
    {
        using var folder = new TempFolder();
        await JournalOf(folder.Path, games: 10, seed: 2);
        var project = await VectraProcess.RunAsync("project", "--data", folder.Path);
        Assert.True(project.ExitCode == 0, project.ToString());
        var before = ViewsDump.Text(folder.Path, ViewsDump.RugsTables);

        var rebuild = await VectraProcess.RunAsync("rebuild", "--projection", "rugs", "--data", folder.Path);
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Contains("rebuild:", rebuild.Stderr);
        Assert.Equal(before, ViewsDump.Text(folder.Path, ViewsDump.RugsTables));

        var status = JsonDocument.Parse((await VectraProcess.RunAsync("status", "--json", "--data", folder.Path)).Stdout).RootElement;
        var rugs = status.GetProperty("projections").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "rugs");
        Assert.Equal(status.GetProperty("lastSeq").GetInt64(), rugs.GetProperty("checkpoint").GetInt64());
        Assert.Equal(0, rugs.GetProperty("lag").GetInt64());
    }

    [Fact]
    public async Task Rebuilding_an_unknown_projection_exits_2_listing_the_known_ones()
    {
        using var folder = new TempFolder();
        await JournalOf(folder.Path, games: 1, seed: 2);
        var result = await VectraProcess.RunAsync("rebuild", "--projection", "nope", "--data", folder.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("rugs", result.Stderr);
    }
}
