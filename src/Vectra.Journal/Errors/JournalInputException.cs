namespace Vectra.Journal.Errors;

/// <summary>A record or file that cannot enter the journal as given (bad input: exit code 2).</summary>
public sealed class JournalInputException(string message) : JournalException(message);
