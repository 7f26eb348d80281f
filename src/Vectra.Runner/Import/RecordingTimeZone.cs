namespace Vectra.Runner.Import;

/// <summary>
/// Finds the time zone naive recording timestamps were written in. The system's tz database is used
/// when it has the zone; US-Eastern has a built-in fallback with the US DST rule in force since 2007
/// (second Sunday of March 02:00 → first Sunday of November 02:00), so imports work without tzdata.
/// </summary>
internal static class RecordingTimeZone
{
    /// <summary>The default zone of the legacy recordings (docs/feed.md §10.2).</summary>
    public const string DefaultId = "America/New_York";

    /// <summary>The zone named <paramref name="id"/> (an IANA id, or UTC); throws <see cref="ImportInputException"/> for an unknown one.</summary>
    public static TimeZoneInfo Find(string id)
    {
        if (id is "UTC" or "Etc/UTC" or "Z")
        {
            return TimeZoneInfo.Utc;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            if (id is DefaultId or "US/Eastern" or "EST5EDT")
            {
                return BuiltInUsEastern;
            }
            throw new ImportInputException($"--tz {id}: this machine knows no such time zone. Pass an IANA id such as {DefaultId} or UTC.");
        }
    }

    /// <summary>US-Eastern from the rule alone: UTC−5, UTC−4 from the second Sunday of March to the first Sunday of November, switching at 02:00 local.</summary>
    public static TimeZoneInfo BuiltInUsEastern { get; } = TimeZoneInfo.CreateCustomTimeZone(
        "US-Eastern (built-in rule)",
        TimeSpan.FromHours(-5),
        "US-Eastern (built-in rule)",
        "EST",
        "EDT",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2007, 1, 1),
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday)),
        ]);
}
