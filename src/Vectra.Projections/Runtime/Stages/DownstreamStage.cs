using Vectra.Journal.Records;

namespace Vectra.Projections.Runtime.Stages;

/// <summary>Drives a projection that applies each record with what its upstream did with it.</summary>
internal sealed class DownstreamStage<TEffects> : ProjectionStage
{
    private readonly IDownstreamProjection<TEffects> _projection;
    private readonly RecordEffects<TEffects>? _upstream;

    private DownstreamStage(IDownstreamProjection<TEffects> projection, RecordEffects<TEffects>? upstream)
        : base(projection)
    {
        _projection = projection;
        _upstream = upstream;
    }

    /// <summary>
    /// The stage of <paramref name="projection"/>, reading the effects of its upstream among <paramref name="earlier"/>;
    /// without the upstream in the runner at all, every record comes with no effects. An upstream placed after it is a
    /// mistake in the list of projections: its effects would be those of the previous record.
    /// </summary>
    public static DownstreamStage<TEffects> After(IDownstreamProjection<TEffects> projection, IReadOnlyList<ProjectionStage> earlier)
    {
        var upstream = earlier.FirstOrDefault(s => ReferenceEquals(s.Projection, projection.Upstream));
        return upstream switch
        {
            EffectsStage<TEffects> effects => new DownstreamStage<TEffects>(projection, effects.Effects),
            null => new DownstreamStage<TEffects>(projection, null),
            _ => throw new ArgumentException($"Projection {projection.Name} reads what {upstream.Projection.Name} did, which tells nothing of that type."),
        };
    }

    public override void Apply(JournalRecord record, ViewsTransaction views) =>
        _projection.Apply(record, _upstream is null ? default! : _upstream.Of(record.Seq), views);
}
