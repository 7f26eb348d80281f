namespace Vectra.Runner.Import;

/// <summary>A recording cannot be imported as asked (missing path, unknown format or zone, unreadable document); the message says what to pass instead (exit code 2).</summary>
internal sealed class ImportInputException(string message) : Exception(message);
