using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Projections.Json;

namespace Vectra.Projections.Player;

/// <summary>
/// Reads the player's frames, which are rare (a few per second at most), with <see cref="JsonDocument"/>: the payload
/// is the frame's last argument (<see cref="LastArgument"/>). A number that is not a finite double reads as null.
/// </summary>
internal static class PlayerPayload
{
    /// <summary>The payload of <paramref name="record"/> when it is a JSON object, else null. Malformed args throw (quarantine).</summary>
    public static JsonDocument? Object(JournalRecord record)
    {
        var last = LastArgument.Of(record.Args);
        return last.IsObject ? JsonDocument.Parse(record.Args.AsMemory(last.Range)) : null;
    }

    /// <summary>The payload object, or a throw that says which event lacked one (the record is quarantined).</summary>
    public static JsonDocument RequiredObject(JournalRecord record) =>
        Object(record) ?? throw new InvalidDataException($"{record.Event}: the payload is not a JSON object.");

    public static double? Number(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetDouble(out var number) && double.IsFinite(number) ? number : null;

    public static long? Integer(JsonElement obj, string name) =>
        Number(obj, name) is { } number && number == Math.Floor(number) && Math.Abs(number) < 9e15 ? (long)number : null;

    public static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool? Bool(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.ValueKind == JsonValueKind.True : null;

    public static JsonElement? Member(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? value : null;
}
