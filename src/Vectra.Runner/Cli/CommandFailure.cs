using Vectra.Journal.Errors;

namespace Vectra.Runner.Cli;

/// <summary>Turns the errors a user can hit into a message on stderr and the exit code design.md assigns.</summary>
internal static class CommandFailure
{
    public static int Report(Exception error)
    {
        var (code, message) = error switch
        {
            CliUsageException e => (ExitCodes.BadInput, e.Message),
            JournalInputException e => (ExitCodes.BadInput, e.Message),
            JournalSequenceException e => (ExitCodes.BadInput, e.Message),
            JournalCorruptException e => (ExitCodes.ProblemFound, e.Message),
            JournalLockedException e => (ExitCodes.RuntimeFailure, e.Message),
            JournalFaultedException e => (ExitCodes.RuntimeFailure, e.Message),
            FileNotFoundException e => (ExitCodes.BadInput, $"{e.Message} Check the path."),
            DirectoryNotFoundException e => (ExitCodes.BadInput, $"{e.Message} Check the path."),
            UnauthorizedAccessException e => (ExitCodes.RuntimeFailure, $"{e.Message} Check the permissions of the data folder."),
            IOException e => (ExitCodes.RuntimeFailure, $"I/O error: {e.Message}"),
            _ => (ExitCodes.RuntimeFailure, $"unexpected failure: {error}"),
        };
        Console.Error.WriteLine($"vectra: {message}");
        return code;
    }
}

/// <summary>A command was given arguments that cannot work; the message says what to pass instead.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
