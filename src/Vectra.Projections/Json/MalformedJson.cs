using System.Diagnostics.CodeAnalysis;

namespace Vectra.Projections.Json;

/// <summary>Throws for the field scanner, kept out of line so the scanning loops stay short.</summary>
internal static class MalformedJson
{
    [DoesNotReturn]
    public static void Throw(int position, string expected) =>
        throw new InvalidDataException($"payload JSON is malformed at byte {position}: expected {expected}");
}
