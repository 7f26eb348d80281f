using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Runner.Tests.Capture;
using Vectra.Runner.Tests.FeedServer;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Cdp;

/// <summary>
/// The acceptance test of <c>vectra capture --cdp</c>: Debian's Chromium opens the feed server's game page, which
/// runs the real socket.io-client, logs in and places orders; the capture, a real child process attached over
/// DevTools, journals both directions byte for byte as the server logged them, across a page reload and a
/// browser restart, with the connections' closes and opens and their reasons.
/// </summary>
[Trait("Category", CaptureIntegration.Category)]
public sealed class CdpCaptureBrowserTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(25);
    private static readonly JsonSerializerOptions NameJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Both_directions_are_journaled_as_the_server_logged_them_across_a_reload_and_a_browser_restart()
    {
        using var folder = new TempFolder();
        var data = folder.File("data");
        var profile = Directory.CreateDirectory(folder.File("profile")).FullName;
        await using var game = await FeedServerProcess.StartScriptAsync("browser-server.js", "--port", "0");
        var page = $"http://127.0.0.1:{game.Port}/game.html";
        CaptureRunner? capture = null;
        DebuggableChromium? browser = null;
        try
        {
            browser = await DebuggableChromium.StartAsync(profile, port: 0, $"{page}?rounds=2&orders=3");
            var endpoint = browser.Endpoint;
            capture = CaptureRunner.Launch(["capture", "--cdp", endpoint, "--page-url-contains", page, "--data", data, "--no-projections", "--print-acks"]);
            await WaitForStderrCountAsync(capture, "attached to page", 1);

            // The page connects only now, so every frame of it is seen; it runs a round, reloads, runs another.
            await game.SendAsync("gate open");
            await game.WaitForAsync("pageDone", 2, Step);
            await game.SendAsync("gate close");

            await browser.KillAsync();
            await capture.WaitForStderrAsync("detached from page", Step);
            var port = browser.Port;
            await browser.DisposeAsync();
            browser = null;
            browser = await DebuggableChromium.StartAsync(profile, port, $"{page}?rounds=1&orders=2");
            await WaitForStderrCountAsync(capture, "attached to page", 2);
            await game.SendAsync("gate open");
            await game.WaitForAsync("pageDone", 3, Step);

            var server = ServerFrames(game);
            await CapturedJournal.WaitUntilAsync(data, journal => Observed(journal).Count >= server.Count, Step, () => $"stderr:\n{capture.Stderr}\nserver:\n{game.Transcript()}");
            Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(10)));

            var journaled = CapturedJournal.Read(data);
            Assert.All(journaled.Records, record => Assert.Equal("cdp", record.Source));
            // Byte for byte and in order, each direction: what the page received, what it sent.
            Assert.Equal(server.Where(f => f.Direction == "sent").Select(f => f.Data), Observed(journaled).Where(f => f.Direction == "sent").Select(f => f.Data));
            Assert.Equal(server.Where(f => f.Direction == "received").Select(f => f.Data), Observed(journaled).Where(f => f.Direction == "received").Select(f => f.Data));
            Assert.True(server.Count(f => f.Direction == "received") >= 3 * 5, "the page's emits were logged by the server");

            var opens = journaled.System(SystemEvents.ConnectionOpen);
            Assert.Equal(
                game.Reports.Where(r => r.Type == "connected").Select(r => r.Text("sid")),
                opens.Select(open => Argument(open).GetProperty("sid").GetString()));
            Assert.All(opens, open => Assert.False(Argument(open).GetProperty("attached").GetBoolean()));
            var closes = journaled.System(SystemEvents.ConnectionClose).Select(close => (close.Conn, Reason: Argument(close).GetProperty("reason").GetString()!)).ToList();
            Assert.Equal(opens.Select(open => open.Conn), closes.Select(close => close.Conn));
            Assert.Contains("reloaded or navigated", closes[0].Reason, StringComparison.Ordinal);
            Assert.Contains("browser is gone", closes[1].Reason, StringComparison.Ordinal);
            Assert.Equal("shutdown", closes[2].Reason);
            Assert.Contains(journaled.System(SystemEvents.ConnectionRetry), retry => retry.Seq > journaled.System(SystemEvents.ConnectionClose)[1].Seq);
            // Every frame lies within its connection's open and close.
            Assert.All(journaled.Records.Where(r => r.Conn != 0 && !r.Event.StartsWith(SystemEvents.ConnectionPrefix, StringComparison.Ordinal)), frame =>
                Assert.InRange(frame.Seq, opens.Single(o => o.Conn == frame.Conn).Seq, journaled.System(SystemEvents.ConnectionClose).Single(c => c.Conn == frame.Conn).Seq));
        }
        finally
        {
            if (browser is not null)
            {
                await browser.DisposeAsync();
            }
            if (capture is not null)
            {
                await capture.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_socket_open_before_the_attach_is_journaled_as_attached_at_its_first_frame()
    {
        using var folder = new TempFolder();
        var data = folder.File("data");
        await using var game = await FeedServerProcess.StartScriptAsync("browser-server.js", "--port", "0", "--gate-open");
        var page = $"http://127.0.0.1:{game.Port}/game.html";
        await using var browser = await DebuggableChromium.StartAsync(Directory.CreateDirectory(folder.File("profile")).FullName, 0, $"{page}?orders=1");
        await game.WaitForAsync("pageDone", 1, Step);

        // The page's socket stays open; its next Engine.IO ping (every second) is the first frame the capture sees.
        await using var capture = CaptureRunner.Launch(["capture", "--cdp", browser.Endpoint, "--page-url-contains", page, "--data", data, "--no-projections"]);
        await CapturedJournal.WaitUntilAsync(data, journal => journal.System(SystemEvents.ConnectionOpen).Count == 1, Step, () => capture.Stderr);
        Assert.Equal(0, await capture.TerminateAsync(TimeSpan.FromSeconds(10)));

        var journaled = CapturedJournal.Read(data);
        var open = Argument(journaled.System(SystemEvents.ConnectionOpen).Single());
        Assert.True(open.GetProperty("attached").GetBoolean());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("sid").ValueKind);
        Assert.Equal("shutdown", Argument(journaled.System(SystemEvents.ConnectionClose).Single()).GetProperty("reason").GetString());
        // Pings and pongs are not journaled: nothing else was sent or received after the attach.
        Assert.Equal(
            ["$session.start", "$connection.open", "$connection.close", "$session.stop"],
            journaled.Records.Select(record => record.Event));
    }

    /// <summary>
    /// The Socket.IO event and ack messages the server logged (its own direction), in order. An event the server
    /// sent asking for an ack is journaled as the direct capture journals events, without the ack id, so the
    /// id is left out here too.
    /// </summary>
    private static List<(string Direction, string Data)> ServerFrames(FeedServerProcess game) =>
        [.. game.Reports
            .Where(report => report.Type == "frame")
            .Select(report => (Direction: report.Text("direction")!, Data: report.Text("data")!))
            .Where(frame => frame.Data.StartsWith('2') || frame.Data.StartsWith('3'))
            .Select(frame => frame.Direction == "sent" && frame.Data.StartsWith('2') ? (frame.Direction, "2" + frame.Data[1..].TrimStart(Digits)) : frame)];

    private static readonly char[] Digits = [.. "0123456789"];

    /// <summary>
    /// The journal turned back into the messages it says crossed the wire, labelled with the server's direction
    /// (the page's received frames are the server's sent ones).
    /// </summary>
    private static List<(string Direction, string Data)> Observed(CapturedJournal journal)
    {
        var frames = new List<(string, string)>();
        foreach (var record in journal.Records)
        {
            switch (record.Event)
            {
                case SystemEvents.CdpSent:
                    var sent = Argument(record);
                    var ackId = sent.GetProperty("ackId").ValueKind == JsonValueKind.Null ? "" : sent.GetProperty("ackId").GetRawText();
                    var args = sent.GetProperty("args").GetRawText();
                    frames.Add(("received", sent.GetProperty("event").GetString() is { } sentEvent
                        ? "2" + ackId + Event(sentEvent, args)
                        : "3" + ackId + args));
                    break;
                case SystemEvents.CdpAck:
                    var ack = Argument(record);
                    frames.Add(("sent", "3" + ack.GetProperty("ackId").GetRawText() + ack.GetProperty("args").GetRawText()));
                    break;
                case var name when !SystemEvents.IsSystem(name):
                    frames.Add(("sent", "2" + Event(name, record.ArgsText)));
                    break;
            }
        }
        return frames;
    }

    private static string Event(string name, string args) =>
        "[" + JsonSerializer.Serialize(name, NameJson) + (args == "[]" ? "" : "," + args[1..^1]) + "]";

    private static JsonElement Argument(JournalRecord record)
    {
        using var document = JsonDocument.Parse(record.Args);
        return document.RootElement[0].Clone();
    }

    private static async Task WaitForStderrCountAsync(CaptureRunner capture, string text, int count)
    {
        var clock = Stopwatch.StartNew();
        while (CountOf(capture.Stderr, text) < count)
        {
            if (clock.Elapsed > Step || capture.HasExited)
            {
                throw new TimeoutException($"vectra capture wrote '{text}' {CountOf(capture.Stderr, text)} time(s), not {count}; stderr:\n{capture.Stderr}");
            }
            await Task.Delay(50);
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
