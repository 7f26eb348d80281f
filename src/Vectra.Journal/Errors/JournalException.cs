namespace Vectra.Journal.Errors;

/// <summary>The base of every error the journal raises on purpose; the message says what happened and what to do.</summary>
public abstract class JournalException : Exception
{
    /// <summary>Creates the error with a message for the user.</summary>
    protected JournalException(string message, Exception? inner = null) : base(message, inner) { }
}
