namespace Vectra.Journal.Errors;

/// <summary>
/// The writer hit an I/O or fsync error and stopped for good. Nothing is retried: an fsync that failed
/// may have dropped pages, so the only safe path is to exit and let the next start recover.
/// </summary>
public sealed class JournalFaultedException(string message, Exception? inner = null) : JournalException(message, inner)
{
    /// <summary>The fault of a writer whose insert or commit failed with <paramref name="error"/>.</summary>
    public static JournalFaultedException FromWriteError(Exception error) => new(
        $"The journal writer stopped on an I/O error and will not retry: {error.Message}. " +
        "Records not acknowledged were not stored. Check the disk, then start again: the journal recovers to its last durable record.",
        error);
}
