namespace Vectra.Runner.Nats;

/// <summary>The NATS server (or its JetStream) could not be reached or refused a request; the message says what to do.</summary>
internal sealed class NatsUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
