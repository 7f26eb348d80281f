namespace Vectra.Projections.Runtime.Stages;

/// <summary>What an upstream projection did with the record it applied last, tagged with that record's seq.</summary>
internal sealed class RecordEffects<TEffects>
{
    private long _seq;
    private TEffects _effects = default!;

    public void Keep(long seq, TEffects effects)
    {
        _seq = seq;
        _effects = effects;
    }

    /// <summary>What the upstream did with record <paramref name="seq"/>: <c>default</c> when its last applied record is another (it did not apply this one).</summary>
    public TEffects Of(long seq) => seq == _seq ? _effects : default!;

    public void Clear() => Keep(0, default!);
}
