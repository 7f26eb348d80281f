using System.Buffers;

namespace Vectra.Projections.Rugs.Payloads;

/// <summary>
/// Finds where a JSON value ends without tokenizing it: strings by their closing quote, containers by
/// bracket matching. This is sound only for valid JSON, which the journal guarantees (args are checked
/// on append), and it is several times faster than reading every token of a leaderboard we do not use.
/// </summary>
internal static class JsonSkip
{
    private static readonly SearchValues<byte> QuoteOrBackslash = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(",}] \t\r\n"u8);

    /// <summary>The first position at or after <paramref name="position"/> that is not JSON whitespace.</summary>
    public static int Whitespace(ReadOnlySpan<byte> json, int position)
    {
        while (position < json.Length && json[position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            position++;
        }
        return position;
    }

    /// <summary>
    /// Where the next item of a container starts, looking from <paramref name="position"/> (past
    /// whitespace and one separating comma); -1 at the container's <paramref name="closing"/> bracket or end.
    /// </summary>
    public static int NextItem(ReadOnlySpan<byte> json, int position, int end, byte closing)
    {
        position = Whitespace(json, position);
        if (position < end && json[position] == (byte)',')
        {
            position = Whitespace(json, position + 1);
        }
        return position >= end || json[position] == closing ? -1 : position;
    }

    /// <summary>The position just after the value that starts at <paramref name="start"/>.</summary>
    public static int ValueEnd(ReadOnlySpan<byte> json, int start)
    {
        if (start >= json.Length)
        {
            MalformedJson.Throw(start, "a value");
        }
        return json[start] switch
        {
            (byte)'"' => StringEnd(json, start),
            (byte)'{' or (byte)'[' => ContainerEnd(json, start),
            _ => ScalarEndAt(json, start),
        };
    }

    /// <summary>The position just after the string whose opening quote is at <paramref name="start"/>.</summary>
    public static int StringEnd(ReadOnlySpan<byte> json, int start)
    {
        var position = start + 1;
        while (true)
        {
            var found = json[position..].IndexOfAny(QuoteOrBackslash);
            if (found < 0)
            {
                MalformedJson.Throw(start, "the end of a string");
            }
            position += found;
            if (json[position] == (byte)'"')
            {
                return position + 1;
            }
            position += 2; // a backslash escapes the next byte (\uXXXX continues with plain hex digits)
        }
    }

    /// <remarks>
    /// A plain byte loop: feed containers hold many short strings, so a vectorized search per string
    /// costs more in setup than it saves.
    /// </remarks>
    private static int ContainerEnd(ReadOnlySpan<byte> json, int start)
    {
        var depth = 0;
        for (var position = start; position < json.Length; position++)
        {
            switch (json[position])
            {
                case (byte)'"':
                    position++;
                    while (position < json.Length && json[position] != (byte)'"')
                    {
                        position += json[position] == (byte)'\\' ? 2 : 1;
                    }
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth == 0)
                    {
                        return position + 1;
                    }
                    break;
            }
        }
        MalformedJson.Throw(start, "the end of an object or array");
        return -1;
    }

    private static int ScalarEndAt(ReadOnlySpan<byte> json, int start)
    {
        var found = json[start..].IndexOfAny(ScalarEnd);
        return found < 0 ? json.Length : start + found;
    }
}
