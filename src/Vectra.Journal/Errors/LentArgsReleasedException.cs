namespace Vectra.Journal.Errors;

/// <summary>
/// A record streamed from a sealed block was read after its block's buffer went back to the pool: a bug in the code
/// that kept it, never the record's own data, so a projection runner stops on it instead of quarantining the record.
/// </summary>
public sealed class LentArgsReleasedException(string message) : JournalException(message);
