namespace Vectra.Runner.Import;

/// <summary>A timestamp as a recording wrote it: the wall-clock reading, and its UTC offset when the text carried one.</summary>
/// <param name="WallClock">The date and time as written (kind unspecified).</param>
/// <param name="Offset">The offset written after it (<c>Z</c>, <c>+00:00</c>…), or null for a naive local time.</param>
internal readonly record struct RecordedTime(DateTime WallClock, TimeSpan? Offset)
{
    /// <summary>
    /// Parses ISO-8601 text as Python's <c>isoformat()</c> writes it, from UTF-8 bytes without allocating:
    /// <c>yyyy-MM-ddTHH:mm:ss[.f…]</c> (a space may stand for <c>T</c>), optionally followed by <c>Z</c> or <c>±HH:MM</c>.
    /// Fractions beyond 7 digits are truncated.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out RecordedTime time)
    {
        time = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute) || !TryDigits(text[17..19], out var second))
        {
            return false;
        }
        var rest = text[19..];
        long fractionTicks = 0;
        if (!rest.IsEmpty && rest[0] == '.')
        {
            var digits = 1;
            var scale = TimeSpan.TicksPerSecond;
            while (digits < rest.Length && IsDigit(rest[digits]))
            {
                scale /= 10;
                fractionTicks += (rest[digits] - '0') * scale;
                digits++;
            }
            if (digits == 1)
            {
                return false;
            }
            rest = rest[digits..];
        }
        TimeSpan? offset = null;
        if (rest.Length == 1 && (rest[0] == 'Z' || rest[0] == 'z'))
        {
            offset = TimeSpan.Zero;
        }
        else if (rest.Length == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':'
            && TryDigits(rest[1..3], out var offsetHours) && TryDigits(rest[4..6], out var offsetMinutes))
        {
            var magnitude = new TimeSpan(offsetHours, offsetMinutes, 0);
            offset = rest[0] == '-' ? -magnitude : magnitude;
        }
        else if (!rest.IsEmpty)
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        time = new RecordedTime(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks), offset);
        return true;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (!IsDigit(b))
            {
                return false;
            }
            value = value * 10 + (b - '0');
        }
        return true;
    }
}
