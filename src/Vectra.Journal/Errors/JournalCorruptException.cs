namespace Vectra.Journal.Errors;

/// <summary>A stored record failed its checksum, or the file could not be read as a journal: the journal on disk is damaged.</summary>
public sealed class JournalCorruptException : JournalException
{
    /// <summary>A damaged record.</summary>
    public JournalCorruptException(long seq, string message) : base(message) => Seq = seq;

    /// <summary>Damage to the file itself, not to one record.</summary>
    public JournalCorruptException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The <c>meta_seq</c> of the damaged record; 0 when the damage is not one record's.</summary>
    public long Seq { get; }
}
