namespace Vectra.Journal.Writing;

/// <summary>
/// A named position (e.g. the last stream sequence a mirror appended) that the writer stores in the same transaction
/// as the records it comes with, so the records and the position are durable together or not at all.
/// </summary>
/// <param name="Name">The position's name; the caller owns its meaning.</param>
/// <param name="Value">The position's value.</param>
public sealed record JournalPosition(string Name, long Value);
