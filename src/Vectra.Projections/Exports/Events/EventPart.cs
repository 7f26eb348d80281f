namespace Vectra.Projections.Exports.Events;

/// <summary>A run of journal records, all of one UTC day, that make one <c>events</c> file: seqs <paramref name="FirstSeq"/>..<paramref name="LastSeq"/>.</summary>
internal readonly record struct EventPart(long Part, long FirstSeq, long LastSeq, long Day, long Rows);
