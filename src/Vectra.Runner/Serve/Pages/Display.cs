using System.Globalization;
using Vectra.Journal.Records;

namespace Vectra.Runner.Serve.Pages;

/// <summary>How values read from views.db are shown: UTC times to the second, multipliers, shares.</summary>
internal static class Display
{
    public static string Time(long? micros) =>
        micros is { } value ? MetaTime.ToDateTimeOffset(value).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "—";

    public static string Multiplier(double? value) => value is { } v ? v.ToString("0.00##", CultureInfo.InvariantCulture) + "x" : "—";

    public static string Share(double? value) => value is { } v ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Whole(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "—";

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes:00}m {span.Seconds:00}s"
        : span.TotalMinutes >= 1 ? $"{span.Minutes}m {span.Seconds:00}s"
        : $"{span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
}
