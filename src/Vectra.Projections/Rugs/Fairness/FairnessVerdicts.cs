namespace Vectra.Projections.Rugs.Fairness;

/// <summary>The stable text of each verdict, for tables and JSON output.</summary>
public static class FairnessVerdicts
{
    /// <summary><c>verified</c>, <c>hash_mismatch</c>, <c>price_mismatch</c> or <c>unverifiable</c>.</summary>
    public static string ToText(this FairnessVerdict verdict) => verdict switch
    {
        FairnessVerdict.Verified => "verified",
        FairnessVerdict.HashMismatch => "hash_mismatch",
        FairnessVerdict.PriceMismatch => "price_mismatch",
        FairnessVerdict.Unverifiable => "unverifiable",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };
}
