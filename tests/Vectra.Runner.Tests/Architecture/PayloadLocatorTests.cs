using System.Text.RegularExpressions;

namespace Vectra.Runner.Tests.Architecture;

/// <summary>
/// One way to find a frame's payload: <c>Vectra.Projections.Json.LastArgument</c>. The generic JSON scanners live
/// in <c>Projections/Json</c>; the rugs.fun payload types stay the rugs projection's own.
/// </summary>
public sealed partial class PayloadLocatorTests
{
    [Fact]
    public void Only_the_rugs_projection_uses_its_payload_namespace()
    {
        var reaching = SourceTree.Files()
            .Where(file => !file.Path.StartsWith("src/Vectra.Projections/Rugs/", StringComparison.Ordinal)
                && RugsPayloads().IsMatch(file.Text))
            .Select(file => file.Path)
            .ToList();

        Assert.True(reaching.Count == 0, "use Vectra.Projections.Json (or ask the rugs projection) instead of Rugs.Payloads in:\n" + string.Join('\n', reaching));
    }

    [Fact]
    public void No_code_outside_the_locator_walks_args_to_their_last_element()
    {
        var rewritten = SourceTree.Files()
            .Where(file => !file.Path.StartsWith("src/Vectra.Projections/Json/", StringComparison.Ordinal))
            .SelectMany(file => LastElementWalk().Matches(file.Text).Select(match => $"{file.Path}: {match.Value}"))
            .ToList();

        Assert.True(rewritten.Count == 0, "find a payload with Vectra.Projections.Json.LastArgument instead of:\n" + string.Join('\n', rewritten));
    }

    /// <summary>The four ways the rule was written before the locator, and ordinary code the rule must leave alone.</summary>
    [Fact]
    public void The_rules_see_a_rewrite_when_there_is_one()
    {
        // LiveUpdate and the former LastArgument: a parsed array indexed at its length minus one.
        Assert.Matches(LastElementWalk(), "var payload = array[array.GetArrayLength() - 1];");
        Assert.Matches(LastElementWalk(), "root[root.GetArrayLength()-1]");
        Assert.Matches(LastElementWalk(), "document.RootElement.EnumerateArray().Last()");
        Assert.Matches(LastElementWalk(), "args.EnumerateArray().LastOrDefault()");
        // GameStateScanner and TradeScanner: the elements of the whole args span.
        Assert.Matches(LastElementWalk(), "var elements = new ArrayElements(args, Range.All);");
        // The former EventPayload: the elements of the span's first value.
        Assert.Matches(LastElementWalk(), "new ArrayElements(args, start..JsonSkip.ValueEnd(args, start));");
        Assert.DoesNotMatch(LastElementWalk(), "var entries = new ArrayElements(args, window);");
        Assert.DoesNotMatch(LastElementWalk(), "args.GetArrayLength() > 0 && args[0].ValueKind == JsonValueKind.Object");
        Assert.DoesNotMatch(LastElementWalk(), "var values = new double[prices.GetArrayLength()];");

        Assert.Matches(RugsPayloads(), "using Vectra.Projections.Rugs.Payloads;");
        Assert.Matches(RugsPayloads(), "new Rugs.Payloads.GameStateScanner()");
        Assert.DoesNotMatch(RugsPayloads(), "using Vectra.Projections.Rugs.Phases;");
    }

    [GeneratedRegex(@"\bRugs\.Payloads\b")]
    private static partial Regex RugsPayloads();

    // Indexing a parsed array at its length minus one, taking the last of its enumeration, or walking the
    // elements of a whole span (Range.All) or of its first value (a range ending at JsonSkip.ValueEnd).
    [GeneratedRegex(@"GetArrayLength\(\)\s*-\s*1|EnumerateArray\(\)\s*\.\s*Last|new\s+ArrayElements\([^;]*(?:Range\.All|ValueEnd\()")]
    private static partial Regex LastElementWalk();
}
