using System.CommandLine;
using Vectra.Runner.Import;

namespace Vectra.Runner.Commands;

/// <summary>The options <c>vectra import</c> and <c>vectra replay</c> share: <c>--format</c> and <c>--tz</c>.</summary>
internal static class ImportCommandOptions
{
    /// <summary><c>--format auto|journal|raw-capture|…</c>.</summary>
    public static Option<string> Format() => new("--format")
    {
        Description = $"auto | {string.Join(" | ", ImportFormat.All.Select(f => f.Name))} (default auto: told from each file's first lines).",
        DefaultValueFactory = _ => "auto",
    };

    /// <summary><c>--tz ZONE</c>.</summary>
    public static Option<string> TimeZone() => new("--tz")
    {
        Description = $"The zone naive timestamps were written in, an IANA id or UTC (default {RecordingTimeZone.DefaultId}, with its DST rule).",
        DefaultValueFactory = _ => RecordingTimeZone.DefaultId,
    };

    /// <summary>The import options for the parsed values; throws <see cref="UsageException"/> for an unknown format, <see cref="ImportInputException"/> for an unknown zone.</summary>
    public static ImportOptions Parse(string format, string zone)
    {
        ImportFormat? chosen = null;
        if (format != "auto")
        {
            chosen = ImportFormat.TryParse(format) ?? throw new UsageException(
                $"--format {format} is not a format this tool reads. Use auto or one of: {string.Join(", ", ImportFormat.All.Select(f => f.Name))}.");
        }
        return new ImportOptions(chosen, RecordingTimeZone.Find(zone));
    }
}
