namespace Vectra.Runner;

/// <summary>A command was given arguments that cannot work; the message says what to pass instead (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
