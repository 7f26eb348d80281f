namespace Vectra.Journal.Errors;

/// <summary>A stored record failed its checksum or could not be read: the journal on disk is damaged.</summary>
public sealed class JournalCorruptException(long seq, string message) : JournalException(message)
{
    /// <summary>The <c>meta_seq</c> of the damaged record.</summary>
    public long Seq { get; } = seq;
}
