using System.Globalization;
using System.Text.RegularExpressions;

namespace Vectra.Runner.Tests.Serve;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4): comment lines (<c># HELP</c>, <c># TYPE</c>)
/// and samples <c>name{label="value",…} value [timestamp]</c>; any other line is an error.
/// </summary>
internal static partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static List<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('#'))
            {
                if (TypeLine().Match(line) is { Success: true } type)
                {
                    Assert.True(types.TryAdd(type.Groups[1].Value, type.Groups[2].Value), $"metric {type.Groups[1].Value} typed twice");
                }
                else
                {
                    Assert.Matches(@"^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|EOF)$", line);
                }
                continue;
            }
            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a Prometheus sample line: {line}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var labelText = sample.Groups[2].Value;
            var consumed = 0;
            foreach (Match label in Label().Matches(labelText))
            {
                Assert.Equal(consumed, label.Index);
                labels.Add(label.Groups[1].Value, Regex.Unescape(label.Groups[2].Value));
                consumed = label.Index + label.Length;
            }
            Assert.Equal(labelText.Length, consumed);
            var valueText = sample.Groups[3].Value;
            var value = valueText switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(sample.Groups[1].Value, labels, value));
        }
        Assert.All(samples, s => Assert.True(types.ContainsKey(s.Name) || types.Keys.Any(t => s.Name.StartsWith(t + "_", StringComparison.Ordinal)), $"sample {s.Name} has no # TYPE line"));
        return samples;
    }

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: -?\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)"",?")]
    private static partial Regex Label();
}
