using System.Security.Cryptography;
using System.Text;

namespace Vectra.Projections.Rugs.Fairness;

/// <summary>The published commitment of a server seed: lowercase hex of SHA-256 over the seed's ASCII text.</summary>
public static class SeedHash
{
    /// <summary>The lowercase hex SHA-256 of <paramref name="serverSeed"/>.</summary>
    public static string Compute(string serverSeed)
    {
        ArgumentNullException.ThrowIfNull(serverSeed);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(serverSeed), digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>True when <paramref name="serverSeed"/> hashes to <paramref name="serverSeedHash"/> (hex, any case).</summary>
    public static bool Matches(string serverSeed, string serverSeedHash) =>
        string.Equals(Compute(serverSeed), serverSeedHash, StringComparison.OrdinalIgnoreCase);
}
