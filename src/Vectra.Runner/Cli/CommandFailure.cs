using Microsoft.Data.Sqlite;
using Vectra.Journal.Errors;
using Vectra.Journal.Storage;
using Vectra.Runner.Import;

namespace Vectra.Runner.Cli;

/// <summary>
/// Turns the errors a user can hit into one line on stderr and the exit code docs/architecture.md §7.2 assigns: 1 when
/// the command found damage, 2 for bad usage or input, 3 when it cannot run here. Never a stack trace.
/// </summary>
internal static class CommandFailure
{
    private const int NoSpace = 28, FileTooLarge = 27;

    public static int Report(Exception error)
    {
        var (code, message) = Describe(error);
        Console.Error.WriteLine($"vectra: {message}");
        if (Environment.GetEnvironmentVariable("VECTRA_TRACE") == "1")
        {
            Console.Error.WriteLine(error);
        }
        return code;
    }

    public static (int Code, string Message) Describe(Exception error) => error switch
    {
        AggregateException { InnerExceptions.Count: 1 } e => Describe(e.InnerExceptions[0]),
        UsageException e => (ExitCodes.BadInput, e.Message),
        ImportInputException e => (ExitCodes.BadInput, e.Message),
        JournalInputException e => (ExitCodes.BadInput, e.Message),
        JournalSequenceException e => (ExitCodes.BadInput, e.Message),
        JournalCorruptException e => (ExitCodes.ProblemFound, e.Message),
        JournalLockedException e => (ExitCodes.RuntimeFailure, e.Message),
        JournalFaultedException e => (ExitCodes.RuntimeFailure, e.Message),
        JournalUnavailableException e => (ExitCodes.RuntimeFailure, e.Message),
        Nats.NatsUnavailableException e => (ExitCodes.RuntimeFailure, e.Message),
        SqliteException e => ViewsFailure(e),
        FileNotFoundException e => (ExitCodes.BadInput, $"{e.Message} Check the path."),
        DirectoryNotFoundException e => (ExitCodes.BadInput, $"{e.Message} Check the path."),
        UnauthorizedAccessException e => (ExitCodes.RuntimeFailure, $"{e.Message} Check the permissions of the data folder (and that it is not immutable: lsattr)."),
        IOException { HResult: NoSpace or FileTooLarge } e => (ExitCodes.RuntimeFailure, $"the disk is full or a file size limit was reached: {e.Message} Free space, then run the command again; every acknowledged record is kept."),
        IOException e => (ExitCodes.RuntimeFailure, $"I/O error: {e.Message} Check the disk and the data folder, then run the command again."),
        { InnerException: { } inner } when inner is SqliteException or JournalException => Describe(inner),
        _ => (ExitCodes.RuntimeFailure, $"unexpected failure ({error.GetType().Name}): {OneLine(error.Message)} This is a bug; please report it with the command you ran (VECTRA_TRACE=1 prints the details)."),
    };

    /// <summary>Every journal error arrives typed, so an SQLite error that reaches here was raised on views.db, which only holds what the journal derives.</summary>
    private static (int Code, string Message) ViewsFailure(SqliteException error) => SqliteFailures.IsDamage(error)
        ? (ExitCodes.ProblemFound, $"views.db is damaged ({error.Message.TrimEnd('.')}). It holds only what the journal derives: run `vectra rebuild` with the same --data to recreate it.")
        : (ExitCodes.RuntimeFailure, $"views.db cannot be used here ({error.Message.TrimEnd('.')}). Check the data folder's free space and permissions, then run the command again.");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
