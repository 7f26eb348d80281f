namespace Vectra.Journal.Errors;

/// <summary>
/// The writer hit an I/O or fsync error and stopped for good. Nothing is retried: an fsync that failed
/// may have dropped pages, so the only safe path is to exit and let the next start recover.
/// </summary>
public sealed class JournalFaultedException(string message, Exception? inner = null) : JournalException(message, inner);
