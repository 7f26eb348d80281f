namespace Vectra.Journal.Errors;

/// <summary>The journal's files cannot be opened, read or written here (permissions, a read-only folder, a full disk, an I/O error): nothing is known to be damaged.</summary>
public sealed class JournalUnavailableException(string message, Exception? inner = null) : JournalException(message, inner);
