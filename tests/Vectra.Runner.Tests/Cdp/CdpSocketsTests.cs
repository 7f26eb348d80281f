using System.Text;
using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Runner.Capture;
using Vectra.Runner.Capture.Cdp;

namespace Vectra.Runner.Tests.Cdp;

/// <summary>DevTools events of one page, as Chromium reports them, and the records the browser capture queues for the journal.</summary>
public sealed class CdpSocketsTests
{
    private const string GameUrl = "wss://backend.rugs.fun/socket.io/?EIO=4&transport=websocket";

    private readonly CaptureQueue _queue = new(1000);
    private readonly SystemRecords _system = new(Guid.NewGuid(), TimeProvider.System, SystemRecords.CdpSource);
    private readonly List<string> _warnings = [];
    private readonly CdpSockets _sockets;

    public CdpSocketsTests()
    {
        _sockets = new CdpSockets(_queue, _system, new CaptureState(TimeProvider.System), TimeProvider.System, firstNumber: 4, _warnings.Add);
    }

    [Fact]
    public void A_new_socket_opens_at_its_connect_packet_and_journals_both_directions()
    {
        Created("r1", GameUrl);
        Frame("r1", received: true, """0{"sid":"eio","pingInterval":25000}""");
        Frame("r1", received: true, """40{"sid":"sio-1"}""");
        Frame("r1", received: false, """421["buyOrder",{"amount":0.1}]""");
        Frame("r1", received: true, "2");
        Frame("r1", received: false, "3");
        Frame("r1", received: true, """431[{"success":true}]""");
        Frame("r1", received: true, """42["playerUpdate",{"cash":1.0}]""");
        Frame("r1", received: true, """425["sessionCheck",{"n":1}]""");
        Frame("r1", received: false, """435[{"ok":true}]""");
        Frame("r1", received: false, """42["done",{"round":1}]""");

        Assert.Equal(
            [
                ("$connection.open", 4, """[{"url":"wss://backend.rugs.fun/socket.io/?EIO=4&transport=websocket","sid":"sio-1","attached":false}]"""),
                ("$cdp.sent", 4, """[{"direction":"sent","event":"buyOrder","ackId":1,"args":[{"amount":0.1}]}]"""),
                ("$cdp.ack", 4, """[{"direction":"received","ackId":1,"args":[{"success":true}]}]"""),
                ("playerUpdate", 4, """[{"cash":1.0}]"""),
                ("sessionCheck", 4, """[{"n":1}]"""),
                ("$cdp.sent", 4, """[{"direction":"sent","event":null,"ackId":5,"args":[{"ok":true}]}]"""),
                ("$cdp.sent", 4, """[{"direction":"sent","event":"done","ackId":null,"args":[{"round":1}]}]"""),
            ],
            Queued().Select(r => (r.Record.Event, r.Record.Conn, Encoding.UTF8.GetString(r.Record.Args))));
        Assert.All(Queued(), r => Assert.Equal("cdp", r.Record.Source));
    }

    [Fact]
    public void The_capture_named_frames_count_as_frames_and_are_marked_so_the_pump_does_not_refuse_their_names()
    {
        Created("r1", GameUrl);
        Frame("r1", received: true, """40{"sid":"s"}""");
        Frame("r1", received: false, """421["buyOrder",{}]""");
        Frame("r1", received: true, """42["playerUpdate",{}]""");

        var queued = Queued();
        Assert.Equal([(false, false), (true, true), (true, false)], queued.Select(r => (r.IsFrame, r.CaptureNamed)));
    }

    [Fact]
    public void A_socket_open_before_the_attach_opens_at_its_first_frame_as_attached()
    {
        Frame("old", received: true, "2");
        Frame("old", received: true, """42["gameStateUpdate",{"tick":7}]""");

        Assert.Equal(
            [
                ("$connection.open", """[{"url":null,"sid":null,"attached":true}]"""),
                ("gameStateUpdate", """[{"tick":7}]"""),
            ],
            Queued().Select(r => (r.Record.Event, Encoding.UTF8.GetString(r.Record.Args))));
    }

    [Fact]
    public void Other_websockets_of_the_page_are_ignored()
    {
        Created("chat", "wss://chat.example/ws");
        Frame("chat", received: true, """42["looks",{"like":"socket.io"}]""");
        Frame("unknown", received: true, """{"hello":"world"}""");

        Assert.Empty(Queued());
    }

    [Fact]
    public void A_reload_closes_the_open_socket_and_the_new_one_is_a_new_connection()
    {
        Created("r1", GameUrl);
        Frame("r1", received: true, """40{"sid":"first"}""");
        Page("Page.frameStartedLoading", """{"frameId":"main"}""");
        Page("Page.frameNavigated", """{"frame":{"id":"main","url":"https://rugs.fun/"},"type":"Navigation"}""");
        Frame("r1", received: true, """42["late",1]""");
        Created("r2", GameUrl);
        Frame("r2", received: true, """40{"sid":"second"}""");
        Frame("r2", received: true, """42["tick",2]""");

        var records = Queued().Select(r => r.Record).ToList();
        Assert.Equal(
            [
                ("$connection.open", 4),
                ("$connection.close", 4),
                ("$capture.refused", 0),
                ("$connection.open", 5),
                ("tick", 5),
            ],
            records.Select(r => (r.Event, r.Conn)));
        Assert.Contains("reloaded or navigated", Encoding.UTF8.GetString(records[1].Args), StringComparison.Ordinal);
        Assert.Equal(5, _sockets.LastOpened);
    }

    [Fact]
    public void A_child_frame_navigating_closes_nothing()
    {
        Created("r1", GameUrl);
        Frame("r1", received: true, """40{"sid":"first"}""");
        Page("Page.frameNavigated", """{"frame":{"id":"ad","parentId":"main","url":"https://ads.example/"}}""");
        Frame("r1", received: true, """42["tick",1]""");

        Assert.Equal(["$connection.open", "tick"], Queued().Select(r => r.Record.Event));
    }

    [Fact]
    public void A_closed_socket_and_the_end_of_the_attach_are_journaled_with_reasons()
    {
        Created("r1", GameUrl);
        Frame("r1", received: true, """40{"sid":"a"}""");
        Created("r2", GameUrl);
        Frame("r2", received: true, """40{"sid":"b"}""");
        Page("Network.webSocketClosed", """{"requestId":"r1","timestamp":12.5}""");
        _sockets.CloseAll("the browser is gone");

        var records = Queued().Select(r => r.Record).ToList();
        Assert.Equal(
            [
                ("$connection.open", 4, null),
                ("$connection.open", 5, null),
                ("$connection.close", 4, """[{"reason":"the page's socket closed"}]"""),
                ("$connection.close", 5, """[{"reason":"the browser is gone"}]"""),
            ],
            records.Select(r => (r.Event, r.Conn, r.Event == SystemEvents.ConnectionClose ? Encoding.UTF8.GetString(r.Args) : null)));
    }

    [Fact]
    public void A_binary_event_and_its_attachment_become_one_refusal()
    {
        Created("r1", GameUrl);
        Frame("r1", received: true, """40{"sid":"a"}""");
        Frame("r1", received: true, """451-["chart",{"_placeholder":true,"num":0}]""");
        Frame("r1", received: true, "AAEC", opcode: 2);
        Frame("r1", received: true, """42["tick",1]""");

        var records = Queued().Select(r => r.Record).ToList();
        Assert.Equal(["$connection.open", "$capture.refused", "tick"], records.Select(r => r.Event));
        Assert.Contains("'chart' with 1 binary attachment(s)", Encoding.UTF8.GetString(records[1].Args), StringComparison.Ordinal);
        Assert.Single(_warnings);
    }

    [Fact]
    public void A_malformed_message_on_the_game_socket_is_refused_not_dropped()
    {
        Created("r1", GameUrl);
        Frame("r1", received: true, """40{"sid":"a"}""");
        Frame("r1", received: true, "42garbage");

        Assert.Equal(["$connection.open", "$capture.refused"], Queued().Select(r => r.Record.Event));
    }

    [Fact]
    public void The_watchdog_names_a_silent_open_socket_only()
    {
        var time = new ManualTime();
        var sockets = new CdpSockets(_queue, _system, new CaptureState(time), time, 1, _warnings.Add);
        sockets.On("Network.webSocketCreated", Json($$"""{"requestId":"r1","url":"{{GameUrl}}"}"""));
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Null(sockets.Silent(TimeSpan.FromSeconds(30)));

        sockets.On("Network.webSocketFrameReceived", Json("""{"requestId":"r1","timestamp":1,"response":{"opcode":1,"mask":false,"payloadData":"40{\"sid\":\"a\"}"}}"""));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(sockets.Silent(TimeSpan.FromSeconds(30)));
        sockets.On("Network.webSocketFrameReceived", Json("""{"requestId":"r1","timestamp":2,"response":{"opcode":1,"mask":false,"payloadData":"2"}}"""));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(sockets.Silent(TimeSpan.FromSeconds(30)));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.StartsWith("watchdog:", sockets.Silent(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_an_open_socket_is_blind_from_the_attach_and_again_from_its_last_close()
    {
        var time = new ManualTime();
        var sockets = new CdpSockets(_queue, _system, new CaptureState(time), time, 1, _warnings.Add);
        time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(TimeSpan.FromSeconds(45), sockets.Blind());

        sockets.On("Network.webSocketCreated", Json($$"""{"requestId":"r1","url":"{{GameUrl}}"}"""));
        Assert.Equal(TimeSpan.FromSeconds(45), sockets.Blind());
        sockets.On("Network.webSocketFrameReceived", Json("""{"requestId":"r1","timestamp":1,"response":{"opcode":1,"mask":false,"payloadData":"40{\"sid\":\"a\"}"}}"""));
        time.Advance(TimeSpan.FromSeconds(120));
        Assert.Null(sockets.Blind());

        sockets.On("Network.webSocketClosed", Json("""{"requestId":"r1","timestamp":3}"""));
        time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), sockets.Blind());
    }

    private void Created(string requestId, string url) =>
        _sockets.On("Network.webSocketCreated", Json(JsonSerializer.Serialize(new { requestId, url })));

    private void Frame(string requestId, bool received, string payloadData, int opcode = 1) =>
        _sockets.On(
            received ? "Network.webSocketFrameReceived" : "Network.webSocketFrameSent",
            Json(JsonSerializer.Serialize(new { requestId, timestamp = 1234.5, response = new { opcode, mask = !received, payloadData } })));

    private void Page(string method, string parameters) => _sockets.On(method, Json(parameters));

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private List<QueuedRecord> Queued()
    {
        var records = new List<QueuedRecord>();
        while (_queue.Reader.TryRead(out var record))
        {
            records.Add(record);
        }
        return records;
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
