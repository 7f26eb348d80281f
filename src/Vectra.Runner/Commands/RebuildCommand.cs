using System.CommandLine;
using Microsoft.Data.Sqlite;
using Vectra.Journal.Storage;
using Vectra.Projections;
using Vectra.Projections.Runtime;
using Vectra.Runner.Cli;
using Vectra.Runner.Progress;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra rebuild</c>: drop projections and apply the journal again from meta_seq 1.</summary>
/// <remarks>Failure policy: a damaged views.db is derived data, so it is deleted and every projection is rebuilt from the journal; any other failure is reported.</remarks>
internal static class RebuildCommand
{
    public static Command Create()
    {
        var projection = new Option<string?>("--projection") { Description = $"Rebuild only this projection ({string.Join(", ", ProjectionCatalog.Names)}); default: all." };
        var command = new Command("rebuild", "Delete the projections' tables and rebuild them from the journal, from meta_seq 1, with progress (records/s, ETA). A damaged views.db is recreated.")
        {
            projection,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(projection)));
        return command;
    }

    private static int Run(string data, string? name)
    {
        if (name is not null && !ProjectionCatalog.Names.Contains(name))
        {
            throw new UsageException($"--projection {name}: there is no such projection; choose one of {string.Join(", ", ProjectionCatalog.Names)}.");
        }
        try
        {
            return Rebuild(data, name);
        }
        catch (SqliteException damage) when (SqliteFailures.IsDamage(damage))
        {
            DeleteDamagedViews(data, damage);
            return Rebuild(data, null);
        }
    }

    private static int Rebuild(string data, string? name)
    {
        using var runner = ProjectionRunner.Open(data, ProjectionCatalog.All());
        runner.Reset(name is null ? null : [name]);
        var progress = new ProgressLine("rebuild", "records", runner.JournalTail);
        var read = runner.CatchUp(progress);
        progress.Finish(read);
        ProjectCommand.PrintStates(runner.States());
        return ExitCodes.Ok;
    }

    /// <summary>Deletes views.db and its log while holding the projections' lock, so no other process is using it.</summary>
    private static void DeleteDamagedViews(string data, SqliteException damage)
    {
        var files = new ViewsFiles(data);
        using (WriterLock.Acquire(files.LockFile, files.OwnerFile,
            owner => $"views.db is damaged, and {owner} runs projections on it: stop that process, then run `vectra rebuild` again."))
        {
            foreach (var path in new[] { files.Database, files.Database + "-wal", files.Database + "-shm" })
            {
                File.Delete(path);
            }
        }
        Console.Error.WriteLine($"views.db was damaged ({damage.Message.TrimEnd('.')}); deleted it, rebuilding every projection from the journal.");
    }
}
