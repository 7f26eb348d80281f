namespace Vectra.Journal.Errors;

/// <summary>Another process already writes this journal; there is only ever one writer.</summary>
public sealed class JournalLockedException(string message) : JournalException(message);
