using NATS.Client.Core;

namespace Vectra.Runner.Nats;

/// <summary>What <c>capture --publish</c> was told: where to publish, into which stream, under which runner name, from which data folder.</summary>
internal sealed record PublisherSettings(NatsOpts Options, string Stream, string Runner, string DataDirectory);
