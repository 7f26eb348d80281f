using System.CommandLine;

namespace Vectra.Runner.Cli;

/// <summary>Options every command shares.</summary>
internal static class CommonOptions
{
    /// <summary><c>--data DIR</c>: the data folder; default <c>$VECTRA_DATA</c>, else <c>./data</c>.</summary>
    public static readonly Option<string> Data = new("--data")
    {
        Description = "The data folder (journal.db, views.db, exports/). Default: $VECTRA_DATA, else ./data.",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VECTRA_DATA") is { Length: > 0 } fromEnv ? fromEnv : "data",
    };

    /// <summary><c>--json</c>: print one machine-readable JSON document instead of text.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON for scripts instead of text." };
}
