namespace Vectra.Journal.Errors;

/// <summary>A record carried its own <c>meta_seq</c> (an exact import) that does not continue the journal.</summary>
public sealed class JournalSequenceException(string message) : JournalException(message);
