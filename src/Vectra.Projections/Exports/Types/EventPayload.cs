using System.Text.Json;
using Vectra.Projections.Rugs.Payloads;

namespace Vectra.Projections.Exports.Types;

/// <summary>The payload of a journal record (its last argument, docs/feed.md §1) and the payload's top-level <c>gameId</c>, found by span scanning.</summary>
internal static class EventPayload
{
    /// <summary>The range of the last argument in <paramref name="args"/> (a JSON array), or null for <c>[]</c>.</summary>
    public static Range? Of(ReadOnlySpan<byte> args)
    {
        var start = JsonSkip.Whitespace(args, 0);
        var elements = new ArrayElements(args, start..JsonSkip.ValueEnd(args, start));
        Range? last = null;
        while (elements.MoveNext())
        {
            last = elements.Current;
        }
        return last;
    }

    /// <summary>The payload's <c>gameId</c> when it is an object with a string <c>gameId</c>, else null.</summary>
    public static string? GameId(ReadOnlySpan<byte> args, Range payload)
    {
        if (args[payload][0] != (byte)'{')
        {
            return null;
        }
        var members = new ObjectMembers(args, payload);
        while (members.MoveNext())
        {
            if (members.Name.SequenceEqual("gameId"u8))
            {
                var value = args[members.Value];
                return value[0] == (byte)'"' ? JsonSerializer.Deserialize<string>(value) : null;
            }
        }
        return null;
    }
}
