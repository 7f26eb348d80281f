using System.Globalization;

namespace Vectra.Runner.Nats;

/// <summary>Durations as written on the command line: a whole number and a unit, <c>90s</c>, <c>2m</c>, <c>6h</c>, <c>30d</c>; <c>0</c> for none.</summary>
internal static class DurationText
{
    public static TimeSpan Parse(string option, string text)
    {
        if (text == "0")
        {
            return TimeSpan.Zero;
        }
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(count);
                case 'm': return TimeSpan.FromMinutes(count);
                case 'h': return TimeSpan.FromHours(count);
                case 'd': return TimeSpan.FromDays(count);
            }
        }
        throw new UsageException($"{option} {text}: write a whole number and a unit (s, m, h or d), e.g. 2m; or 0 for none.");
    }
}
