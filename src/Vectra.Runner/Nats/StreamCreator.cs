using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Vectra.Runner.Nats;

/// <summary>Creates the stream the runners publish to (or updates its limits), file-stored, with de-duplication by <c>Nats-Msg-Id</c>.</summary>
internal sealed record StreamCreator(string Stream, int Replicas, TimeSpan DedupWindow, TimeSpan MaxAge, long MaxBytes)
{
    public StreamConfig Config() => new(Stream, [StreamLayout.Subject(Stream)])
    {
        Storage = StreamConfigStorage.File,
        NumReplicas = Replicas,
        DuplicateWindow = DedupWindow,
        MaxAge = MaxAge,
        MaxBytes = MaxBytes > 0 ? MaxBytes : -1,
        Retention = StreamConfigRetention.Limits,
        Discard = StreamConfigDiscard.Old,
        Description = "vectra: journal records of capture runners (vectra capture --publish)",
    };

    public async Task<StreamInfo> CreateAsync(INatsJSContext js, CancellationToken cancellation)
    {
        try
        {
            var stream = await js.CreateOrUpdateStreamAsync(Config(), cancellation);
            return stream.Info;
        }
        catch (NatsJSApiException error)
        {
            throw NatsEndpoint.Refused($"create stream {Stream}", error);
        }
    }
}
