using System.Globalization;

namespace Vectra.Journal.Records;

/// <summary><c>meta_ts</c> conversions: microseconds since the Unix epoch, UTC, and its ISO-8601 text.</summary>
public static class MetaTime
{
    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Microseconds since the epoch for an instant.</summary>
    public static long FromDateTimeOffset(DateTimeOffset instant) =>
        (instant.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    /// <summary>The instant of a <c>meta_ts</c> value.</summary>
    public static DateTimeOffset ToDateTimeOffset(long micros) =>
        new(DateTime.UnixEpoch.Ticks + micros * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);

    /// <summary>ISO-8601 UTC with exactly six fractional digits, e.g. <c>2025-12-12T22:16:58.123456Z</c>.</summary>
    public static string ToIso(long micros) => ToDateTimeOffset(micros).UtcDateTime.ToString(IsoFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses the text <see cref="ToIso"/> writes (any ISO-8601 instant with an offset is accepted).</summary>
    public static bool TryParseIso(ReadOnlySpan<char> text, out long micros)
    {
        micros = 0;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return false;
        }
        var ticks = instant.UtcTicks - DateTime.UnixEpoch.Ticks;
        if (ticks % TimeSpan.TicksPerMicrosecond != 0)
        {
            return false;
        }
        micros = ticks / TimeSpan.TicksPerMicrosecond;
        return true;
    }
}
