using Vectra.Journal.Records;

namespace Vectra.Runner.Import;

/// <summary>
/// Turns a recording's timestamps into <c>meta_ts</c> (µs since the epoch, UTC). Naive times are read as
/// wall-clock time in the recording's zone. One converter reads one file in order: in the hour a DST
/// change repeats, a time is taken at its first occurrence (daylight time) unless that would put it
/// well before the file's previous record, which means the clock has already gone back.
/// </summary>
internal sealed class WallClockConverter(TimeZoneInfo zone)
{
    private static readonly long RepeatTolerance = TimeSpan.FromMinutes(30).Ticks / TimeSpan.TicksPerMicrosecond;
    private long _previous = long.MinValue;

    /// <summary>The zone naive times are read in.</summary>
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary><c>meta_ts</c> of a recorded time: its own offset when it has one, else the zone's.</summary>
    public long ToMetaTs(RecordedTime time)
    {
        var micros = time.Offset is { } offset
            ? MetaTime.FromDateTimeOffset(new DateTimeOffset(time.WallClock, offset))
            : FromWallClock(time.WallClock);
        _previous = Math.Max(_previous, micros);
        return micros;
    }

    /// <summary>
    /// Undoes Python's <c>datetime.utcnow().timestamp()</c> on a machine in this zone: that call reads the
    /// UTC wall clock as local time, so the zone's wall-clock reading of the stored epoch is the true UTC time
    /// (key-samples.json is 18,000 s + latency ahead under EST, docs/feed.md §10.2).
    /// </summary>
    public long FromUtcNowTimestamp(long epochMicros)
    {
        var stored = MetaTime.ToDateTimeOffset(epochMicros);
        var wallClock = TimeZoneInfo.ConvertTime(stored, Zone).DateTime;
        var micros = MetaTime.FromDateTimeOffset(new DateTimeOffset(wallClock, TimeSpan.Zero));
        _previous = Math.Max(_previous, micros);
        return micros;
    }

    private long FromWallClock(DateTime wallClock)
    {
        if (Zone.IsInvalidTime(wallClock))
        {
            // The hour skipped when clocks go forward: a clock that had not moved yet, so standard time.
            return MetaTime.FromDateTimeOffset(new DateTimeOffset(wallClock, Zone.BaseUtcOffset));
        }
        if (!Zone.IsAmbiguousTime(wallClock))
        {
            return MetaTime.FromDateTimeOffset(new DateTimeOffset(wallClock, Zone.GetUtcOffset(wallClock)));
        }
        var offsets = Zone.GetAmbiguousTimeOffsets(wallClock);
        var first = offsets.Select(o => MetaTime.FromDateTimeOffset(new DateTimeOffset(wallClock, o))).Min();
        var second = offsets.Select(o => MetaTime.FromDateTimeOffset(new DateTimeOffset(wallClock, o))).Max();
        return _previous == long.MinValue || first >= _previous - RepeatTolerance ? first : second;
    }
}
