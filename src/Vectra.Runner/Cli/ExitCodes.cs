namespace Vectra.Runner.Cli;

/// <summary>The exit codes every command uses (docs/architecture.md §7.2).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and found a problem, e.g. <c>verify</c> found corruption.</summary>
    public const int ProblemFound = 1;

    /// <summary>Bad usage or bad input.</summary>
    public const int BadInput = 2;

    /// <summary>A runtime failure: I/O, a locked journal, a crash.</summary>
    public const int RuntimeFailure = 3;
}
