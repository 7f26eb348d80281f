using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Runner.Tests.Capture;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Cdp;

/// <summary><c>vectra capture --cdp</c> from the outside: bad input, no browser, no matching page, help.</summary>
[Trait("Category", CaptureIntegration.Category)]
public sealed class CdpCaptureCommandTests
{
    [Fact]
    public async Task A_browser_that_cannot_be_reached_exits_3_saying_how_to_start_one_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var data = folder.File("data");

        var result = await VectraProcess.RunAsync("capture", "--cdp", $"http://127.0.0.1:{UnusedPort()}", "--data", data);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot be reached", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--remote-debugging-port=", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, "journal.db")), result.ToString());
    }

    [Theory]
    [InlineData("ws://127.0.0.1:9222")]
    [InlineData("9222")]
    [InlineData("http://")]
    public async Task A_cdp_value_that_is_no_http_address_is_bad_usage(string cdp)
    {
        using var folder = new TempFolder();

        var result = await VectraProcess.RunAsync("capture", "--cdp", cdp, "--data", folder.File("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--cdp", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_help_describes_both_options()
    {
        var result = await VectraProcess.RunAsync("capture", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--cdp", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--remote-debugging-port", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--page-url-contains", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_matching_page_it_keeps_retrying_and_names_the_pages_that_exist()
    {
        using var folder = new TempFolder();
        var data = folder.File("data");
        await using var browser = await DebuggableChromium.StartAsync(Directory.CreateDirectory(folder.File("profile")).FullName, 0, "about:blank");
        await using var capture = CaptureRunner.Launch(["capture", "--cdp", browser.Endpoint, "--data", data, "--no-projections"]);

        await capture.WaitForStderrAsync("(retry 2): no page's URL contains 'rugs.fun' (open pages: about:blank)", TimeSpan.FromSeconds(30));
        Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(10)));

        var journal = CapturedJournal.Read(data);
        Assert.Empty(journal.System(SystemEvents.ConnectionOpen));
        var retries = journal.System(SystemEvents.ConnectionRetry);
        Assert.True(retries.Count >= 2, capture.Stderr);
        Assert.All(retries, retry =>
        {
            using var args = JsonDocument.Parse(retry.Args);
            Assert.StartsWith("no page's URL contains 'rugs.fun'", args.RootElement[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        });
        Assert.All(journal.Records, record => Assert.Equal("cdp", record.Source));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
