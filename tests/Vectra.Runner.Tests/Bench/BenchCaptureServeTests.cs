using System.Globalization;
using System.Text.RegularExpressions;
using Vectra.Runner.Tests.FeedServer;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Bench;

/// <summary><c>vectra bench capture --serve</c>, run as the real executable against the real feed server.</summary>
public sealed partial class BenchCaptureServeTests
{
    private const int Frames = 300;
    private const int Rate = 100;

    [Fact]
    public async Task Bench_capture_serve_at_a_steady_rate_reports_a_run_without_and_one_with_the_dashboard_and_the_pages_served()
    {
        await FeedServerPackages.EnsureInstalledAsync();
        using var folder = new TempFolder();

        var result = await VectraProcess.RunAsync(
            "bench", "capture", "--serve", "--rate", $"{Rate}", "--frames", $"{Frames}", "--frame-bytes", "1000", "--pairs", "1",
            "--feed-server", FeedServerPackages.Folder, "--data", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"--rate {Rate} --serve --pairs 1", result.Stdout);
        var rows = RunRow().Matches(result.Stdout).ToDictionary(m => m.Groups["dashboard"].Value);
        Assert.True(rows.Count == 2, result.ToString());
        foreach (var row in rows.Values)
        {
            Assert.Equal(Frames, int.Parse(row.Groups["frames"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
            // Steady at 100/s the 300 frames take about 3 s to arrive; at full speed they would arrive in a fraction of that.
            Assert.InRange(double.Parse(row.Groups["received"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), 1, 2 * Rate);
            Assert.True(int.Parse(row.Groups["cpu"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) > 0, result.ToString());
        }
        Assert.Equal("—", rows["off"].Groups["pages"].Value);
        var pages = PagesServed().Match(rows["serving"].Groups["pages"].Value);
        Assert.True(pages.Success, result.ToString());
        Assert.True(int.Parse(pages.Groups["rounds"].Value, CultureInfo.InvariantCulture) >= 1, result.ToString());
        Assert.True(int.Parse(pages.Groups["served"].Value, CultureInfo.InvariantCulture) >= int.Parse(pages.Groups["perRound"].Value, CultureInfo.InvariantCulture), result.ToString());
        Assert.Contains("  p99: off ", result.Stdout);
        Assert.Contains("verdict: too few runs to decide", result.Stdout); // one pair cannot decide
        Assert.Empty(Directory.GetDirectories(folder.Path));
    }

    [Fact]
    public async Task Bench_capture_serve_refuses_zero_pairs_with_a_usage_error()
    {
        using var folder = new TempFolder();

        var result = await VectraProcess.RunAsync("bench", "capture", "--serve", "--rate", "50", "--pairs", "0", "--data", folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--pairs from 1 to 20", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [GeneratedRegex(@"^\s*\d+ (?<dashboard>off|serving)\s+(?<frames>[\d,]+)\s+(?<fps>[\d,]+)\s+(?<received>[\d,]+)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(?<cpu>[\d,]+)  GC \d+/\d+/\d+, paused [\d.]+ ms, [\d,]+ MB allocated  (?<pages>.+)$", RegexOptions.Multiline)]
    private static partial Regex RunRow();

    [GeneratedRegex(@"^(?<rounds>\d+) rounds? of (?<perRound>\d+) pages, (?<served>\d+) served \(\d+ × 200")]
    private static partial Regex PagesServed();
}
