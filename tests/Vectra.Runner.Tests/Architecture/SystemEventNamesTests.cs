using System.Text.RegularExpressions;

namespace Vectra.Runner.Tests.Architecture;

/// <summary>System-record names are the journal's contract: spelled once, in <c>Vectra.Journal</c>'s <c>SystemEvents</c>.</summary>
public sealed partial class SystemEventNamesTests
{
    [Fact]
    public void No_source_file_outside_the_journal_spells_a_system_record_name()
    {
        var spelled = SourceTree.Files()
            .Where(file => !file.Path.StartsWith("src/Vectra.Journal/", StringComparison.Ordinal))
            .SelectMany(file => SystemNameLiteral().Matches(file.Text).Select(match => $"{file.Path}: {match.Value}"))
            .ToList();

        Assert.True(spelled.Count == 0, "use Vectra.Journal.Records.SystemEvents instead of:\n" + string.Join('\n', spelled));
    }

    [Fact]
    public void The_rule_sees_a_literal_when_there_is_one()
    {
        Assert.Matches(SystemNameLiteral(), """case "$session.start":""");
        Assert.Matches(SystemNameLiteral(), """StartsWith("$connection.", StringComparison.Ordinal)""");
        Assert.Matches(SystemNameLiteral(), """Event = "$import";""");
        Assert.DoesNotMatch(SystemNameLiteral(), """("$g", gameId)""");
        Assert.DoesNotMatch(SystemNameLiteral(), """AddWithValue("$session", id)""");
    }

    // "$session.…", "$connection.…", "$capture.…", "$cdp.…" and "$import": SQL parameters such as "$g" or "$session" are not names.
    [GeneratedRegex("\"\\$(?:(?:session|connection|capture|cdp)\\.|import\")")]
    private static partial Regex SystemNameLiteral();
}
