using System.CommandLine;

namespace Vectra.Runner.Cli;

/// <summary>The <c>vectra</c> command tree.</summary>
internal static class VectraCli
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("Vectra: an embedded event-sourcing engine for the rugs.fun feed.");
        return root.Parse(args).Invoke();
    }
}
