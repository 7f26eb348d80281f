using System.Diagnostics.CodeAnalysis;

namespace Vectra.Projections.Rugs.Fairness;

/// <summary>Parses and prints the feed's version strings (<c>v1</c>, <c>v2</c>, <c>v3</c>).</summary>
public static class GameVersions
{
    /// <summary>Parses <c>v1</c>/<c>v2</c>/<c>v3</c> (case-insensitive, the leading <c>v</c> optional).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out GameVersion? version)
    {
        version = text?.Trim().ToLowerInvariant() switch
        {
            "v1" or "1" => GameVersion.V1,
            "v2" or "2" => GameVersion.V2,
            "v3" or "3" => GameVersion.V3,
            _ => null,
        };
        return version is not null;
    }

    /// <summary>The feed's spelling of <paramref name="version"/>.</summary>
    public static string ToText(this GameVersion version) => version switch
    {
        GameVersion.V1 => "v1",
        GameVersion.V2 => "v2",
        GameVersion.V3 => "v3",
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };
}
