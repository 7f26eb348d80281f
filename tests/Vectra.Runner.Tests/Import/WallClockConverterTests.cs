using Vectra.Runner.Import;
using static Vectra.Runner.Tests.Import.ImportHarness;

namespace Vectra.Runner.Tests.Import;

public class WallClockConverterTests
{
    public static TheoryData<string> Zones => new() { "system tzdata", "built-in rule" };

    private static WallClockConverter Eastern(string zone) =>
        new(zone == "built-in rule" ? RecordingTimeZone.BuiltInUsEastern : RecordingTimeZone.Find(RecordingTimeZone.DefaultId));

    private static long Read(WallClockConverter converter, string naive)
    {
        Assert.True(RecordedTime.TryParse(Utf8(naive), out var time), naive);
        return converter.ToMetaTs(time);
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void Both_sides_of_the_autumn_change_use_their_own_offset_and_the_repeated_hour_follows_the_clock(string zone)
    {
        var converter = Eastern(zone);
        Assert.Equal(Micros("2025-11-02T04:30:00Z"), Read(converter, "2025-11-02T00:30:00"));          // EDT, UTC−4
        Assert.Equal(Micros("2025-11-02T05:30:00Z"), Read(converter, "2025-11-02T01:30:00"));          // first 01:30, still EDT
        Assert.Equal(Micros("2025-11-02T05:59:59.500000Z"), Read(converter, "2025-11-02T01:59:59.5"));
        Assert.Equal(Micros("2025-11-02T06:00:00.100000Z"), Read(converter, "2025-11-02T01:00:00.1")); // the clock went back: EST
        Assert.Equal(Micros("2025-11-02T07:30:00Z"), Read(converter, "2025-11-02T02:30:00"));          // EST, UTC−5
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void Both_sides_of_the_spring_change_use_their_own_offset_and_the_skipped_hour_reads_as_standard_time(string zone)
    {
        var converter = Eastern(zone);
        Assert.Equal(Micros("2025-03-09T06:59:59Z"), Read(converter, "2025-03-09T01:59:59"));   // EST
        Assert.Equal(Micros("2025-03-09T07:30:00Z"), Read(converter, "2025-03-09T02:30:00"));   // does not exist; read as EST
        Assert.Equal(Micros("2025-03-09T07:00:00Z"), Read(converter, "2025-03-09T03:00:00"));   // EDT
        Assert.Equal(Micros("2025-07-04T16:00:00Z"), Read(converter, "2025-07-04T12:00:00"));
    }

    [Fact]
    public void A_utcnow_timestamp_is_shifted_by_the_offset_in_force_four_hours_in_summer_and_five_in_winter()
    {
        var converter = new WallClockConverter(RecordingTimeZone.Find(RecordingTimeZone.DefaultId));
        Assert.Equal(Micros("2026-02-06T03:05:38.733000Z"), converter.FromUtcNowTimestamp(Micros("2026-02-06T08:05:38.733000Z")));
        Assert.Equal(Micros("2025-07-01T12:00:00Z"), converter.FromUtcNowTimestamp(Micros("2025-07-01T16:00:00Z")));
    }

    [Theory]
    [InlineData("2025-12-12T17:16:58", true)]
    [InlineData("2025-12-12 17:16:58.1234567", true)]
    [InlineData("2025-12-12T17:16:58.624285+00:00", true)]
    [InlineData("2025-12-12T17:16:58Z", true)]
    [InlineData("2025-12-12T17:16", false)]
    [InlineData("2025-02-30T17:16:58", false)]
    [InlineData("2025-12-12T17:16:58.", false)]
    [InlineData("2025-12-12T17:16:58 EST", false)]
    public void Recorded_times_parse_only_as_iso_8601(string text, bool parses) =>
        Assert.Equal(parses, RecordedTime.TryParse(Utf8(text), out _));

    [Fact]
    public void An_unknown_zone_is_a_usage_error_that_names_a_valid_one()
    {
        var error = Assert.Throws<ImportInputException>(() => RecordingTimeZone.Find("Mars/Olympus"));
        Assert.Contains("America/New_York", error.Message);
    }
}
