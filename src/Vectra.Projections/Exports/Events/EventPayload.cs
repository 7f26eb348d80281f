using System.Text.Json;
using Vectra.Projections.Json;

namespace Vectra.Projections.Exports.Events;

/// <summary>The top-level <c>gameId</c> of a record's payload (its <see cref="LastArgument"/>), as the <c>events</c> export keeps it.</summary>
internal static class EventPayload
{
    /// <summary>The payload's <c>gameId</c> when it is an object with a string <c>gameId</c>, else null.</summary>
    public static string? GameId(LastArgument payload)
    {
        if (!payload.IsObject)
        {
            return null;
        }
        var json = payload.Json;
        var members = new ObjectMembers(json, Range.All);
        while (members.MoveNext())
        {
            if (members.Name.SequenceEqual("gameId"u8))
            {
                var value = json[members.Value];
                return value[0] == (byte)'"' ? JsonSerializer.Deserialize<string>(value) : null;
            }
        }
        return null;
    }
}
