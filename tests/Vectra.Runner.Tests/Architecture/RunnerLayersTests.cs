namespace Vectra.Runner.Tests.Architecture;

/// <summary>The runner's folders point down: the command-line shell calls the work, never the other way round.</summary>
public sealed class RunnerLayersTests
{
    public static TheoryData<string> WorkFolders => new() { "Import", "Replay", "Bench", "Simulation", "Serve", "Nats" };

    [Theory]
    [MemberData(nameof(WorkFolders))]
    public void A_work_folder_uses_neither_the_cli_nor_the_commands(string folder)
    {
        var upward = SourceTree.Files($"Vectra.Runner/{folder}")
            .Where(file => file.Text.Contains("Vectra.Runner.Cli", StringComparison.Ordinal)
                || file.Text.Contains("Vectra.Runner.Commands", StringComparison.Ordinal)
                || file.Text.Contains("Cli.", StringComparison.Ordinal)
                || file.Text.Contains("Commands.", StringComparison.Ordinal))
            .Select(file => file.Path)
            .ToList();

        Assert.True(upward.Count == 0, $"these files under src/Vectra.Runner/{folder} reach up into Cli or Commands:\n{string.Join('\n', upward)}");
    }

    [Fact]
    public void The_cli_helpers_do_not_use_the_commands()
    {
        var upward = SourceTree.Files("Vectra.Runner/Cli")
            .Where(file => file.Text.Contains("Vectra.Runner.Commands", StringComparison.Ordinal))
            .Select(file => file.Path)
            .ToList();

        Assert.Empty(upward);
    }
}
