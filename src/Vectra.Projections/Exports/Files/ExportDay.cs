using System.Globalization;

namespace Vectra.Projections.Exports.Files;

/// <summary>A UTC calendar day as a day number since the Unix epoch: the <c>date=</c> partition of an export row.</summary>
internal static class ExportDay
{
    public const long MicrosPerDay = 86_400_000_000L;

    /// <summary>The day of <c>meta_ts</c> in SQL (journal times are after 1970, so integer division is the floor).</summary>
    public const string SqlMetaTs = "meta_ts / 86400000000";

    /// <summary>The SQL expression for the day of a µs timestamp expression after 1970.</summary>
    public static string Sql(string micros) => $"({micros}) / {MicrosPerDay}";

    public static long Of(long micros) => Math.DivRem(micros, MicrosPerDay) is var (q, r) && r < 0 ? q - 1 : q;

    public static string Text(long day) => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + checked((int)day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
