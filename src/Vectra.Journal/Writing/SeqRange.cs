namespace Vectra.Journal.Writing;

/// <summary>The contiguous <c>meta_seq</c>s one append or batch received.</summary>
public readonly record struct SeqRange(long First, long Last)
{
    /// <summary>How many records the range holds.</summary>
    public long Count => Last - First + 1;
}
