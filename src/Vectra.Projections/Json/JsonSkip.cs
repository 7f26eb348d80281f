using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace Vectra.Projections.Json;

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

    /// <summary>The position just after the object or array whose opening bracket is at <paramref name="start"/>.</summary>
    /// <remarks>
    /// Leaderboards are most of a feed frame's bytes, so this is the scanner's hot loop. It looks at 32
    /// bytes at a time: which bytes are quotes and brackets, which lie inside strings (a running XOR of the
    /// quote bits), and walks bracket by bracket only in a block where the depth could return to zero.
    /// A block holding a backslash is walked byte by byte, since escapes are rare in feed data.
    /// </remarks>
    internal static int ContainerEnd(ReadOnlySpan<byte> json, int start)
    {
        var depth = 0;
        var inString = false;
        var position = start;
        if (Vector256.IsHardwareAccelerated)
        {
            while (position <= json.Length - Vector256<byte>.Count)
            {
                var block = Vector256.Create(json.Slice(position, Vector256<byte>.Count));
                if (Vector256.EqualsAny(block, Vector256.Create((byte)'\\')))
                {
                    if (WalkBytes(json, ref position, position + Vector256<byte>.Count, ref depth, ref inString))
                    {
                        return position;
                    }
                    continue;
                }
                var quotes = Vector256.Equals(block, Vector256.Create((byte)'"')).ExtractMostSignificantBits();
                // '[' and '{' differ only in bit 0x20, as do ']' and '}'.
                var folded = block | Vector256.Create((byte)0x20);
                var opens = Vector256.Equals(folded, Vector256.Create((byte)'{')).ExtractMostSignificantBits();
                var closes = Vector256.Equals(folded, Vector256.Create((byte)'}')).ExtractMostSignificantBits();
                var insideStrings = RunningXor(quotes) ^ (inString ? uint.MaxValue : 0u);
                inString = (insideStrings >> 31) != 0;
                opens &= ~insideStrings;
                closes &= ~insideStrings;
                if (BitOperations.PopCount(closes) < depth)
                {
                    depth += BitOperations.PopCount(opens) - BitOperations.PopCount(closes);
                }
                else
                {
                    for (var brackets = opens | closes; brackets != 0; brackets &= brackets - 1)
                    {
                        var at = BitOperations.TrailingZeroCount(brackets);
                        if ((opens & (1u << at)) != 0)
                        {
                            depth++;
                        }
                        else if (--depth == 0)
                        {
                            return position + at + 1;
                        }
                    }
                }
                position += Vector256<byte>.Count;
            }
        }
        if (WalkBytes(json, ref position, json.Length, ref depth, ref inString))
        {
            return position;
        }
        MalformedJson.Throw(start, "the end of an object or array");
        return -1;
    }

    /// <summary>Bit i set when an odd number of the bits 0..i of <paramref name="bits"/> are set.</summary>
    private static uint RunningXor(uint bits)
    {
        bits ^= bits << 1;
        bits ^= bits << 2;
        bits ^= bits << 4;
        bits ^= bits << 8;
        bits ^= bits << 16;
        return bits;
    }

    /// <summary>
    /// Walks bytes from <paramref name="position"/> until <paramref name="end"/> (an escape may carry it one
    /// past), tracking depth and strings; true with <paramref name="position"/> just after the closing bracket.
    /// </summary>
    private static bool WalkBytes(ReadOnlySpan<byte> json, ref int position, int end, ref int depth, ref bool inString)
    {
        while (position < end)
        {
            var next = json[position];
            if (inString)
            {
                if (next == (byte)'\\')
                {
                    position += 2;
                    continue;
                }
                inString = next != (byte)'"';
            }
            else if (next == (byte)'"')
            {
                inString = true;
            }
            else if (next is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (next is (byte)'}' or (byte)']' && --depth == 0)
            {
                position++;
                return true;
            }
            position++;
        }
        return false;
    }

    private static int ScalarEndAt(ReadOnlySpan<byte> json, int start)
    {
        var found = json[start..].IndexOfAny(ScalarEnd);
        return found < 0 ? json.Length : start + found;
    }
}
