namespace Vectra.Projections.Rugs.Fairness;

/// <summary>What a fairness check concluded about one completed game.</summary>
public enum FairnessVerdict
{
    /// <summary>The seed hashes to the published hash and regenerates the published prices and peak.</summary>
    Verified,

    /// <summary>The revealed seed does not hash to the published hash.</summary>
    HashMismatch,

    /// <summary>The seed regenerates a different price path, length or peak than the one published.</summary>
    PriceMismatch,

    /// <summary>Not enough was published to check (no seed, unknown version, nothing to compare).</summary>
    Unverifiable,
}
