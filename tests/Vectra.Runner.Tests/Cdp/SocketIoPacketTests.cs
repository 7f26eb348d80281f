using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Vectra.Runner.Capture.Cdp;

namespace Vectra.Runner.Tests.Cdp;

/// <summary>The Socket.IO packets a browser capture reads: events and acks split byte for byte, everything else recognised and never journaled.</summary>
public sealed class SocketIoPacketTests
{
    private static SocketIoPacket Parse(string message) => SocketIoPacket.Parse(Encoding.UTF8.GetBytes(message));

    [Fact]
    public void An_event_keeps_its_name_and_every_argument_byte_for_byte()
    {
        var packet = Parse("""42["playerUpdate",{"cash":1.0,"pnl":6.288315726479595e-05,"name":"\u00e9t\u00e9"},[1, 2],"é✓",null]""");

        Assert.Equal(SocketIoPacketKind.Event, packet.Kind);
        Assert.Equal("playerUpdate", packet.Event);
        Assert.Null(packet.AckId);
        Assert.Equal("""[{"cash":1.0,"pnl":6.288315726479595e-05,"name":"\u00e9t\u00e9"},[1, 2],"é✓",null]""", packet.ArgsJson);
    }

    [Fact]
    public void An_event_that_asks_for_an_ack_carries_the_ack_id()
    {
        var packet = Parse("""4212["buyOrder",{"amount":0.1}]""");

        Assert.Equal((SocketIoPacketKind.Event, "buyOrder", 12L, """[{"amount":0.1}]"""), (packet.Kind, packet.Event, packet.AckId, packet.ArgsJson));
    }

    [Fact]
    public void An_event_without_arguments_has_an_empty_array()
    {
        Assert.Equal("[]", Parse("""42["gameEnd"]""").ArgsJson);
    }

    [Fact]
    public void An_event_in_a_namespace_is_read_past_the_namespace()
    {
        var packet = Parse("""42/game,7["tick",1]""");

        Assert.Equal((SocketIoPacketKind.Event, "tick", 7L, "[1]"), (packet.Kind, packet.Event, packet.AckId, packet.ArgsJson));
    }

    [Fact]
    public void An_ack_has_its_id_and_arguments()
    {
        var packet = Parse("""4312[{"success":true,"reason":null}]""");

        Assert.Equal((SocketIoPacketKind.Ack, (string?)null, 12L, """[{"success":true,"reason":null}]"""), (packet.Kind, packet.Event, packet.AckId, packet.ArgsJson));
    }

    [Theory]
    [InlineData("451-[\"chart\",{\"_placeholder\":true,\"num\":0}]", "chart", 1)]
    [InlineData("452-3[\"chart\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]", "chart", 2)]
    [InlineData("461-3[{\"_placeholder\":true,\"num\":0}]", null, 1)]
    public void A_binary_packet_is_recognised_with_its_attachment_count_so_it_can_be_refused(string message, string? eventName, int attachments)
    {
        var packet = Parse(message);

        Assert.Equal((SocketIoPacketKind.Binary, eventName, attachments), (packet.Kind, packet.Event, packet.Attachments));
    }

    [Theory]
    [InlineData("2", nameof(SocketIoPacketKind.Ping))]
    [InlineData("2probe", nameof(SocketIoPacketKind.Ping))]
    [InlineData("3", nameof(SocketIoPacketKind.Pong))]
    [InlineData("0{\"sid\":\"abc\",\"pingInterval\":25000}", nameof(SocketIoPacketKind.Control))]
    [InlineData("1", nameof(SocketIoPacketKind.Control))]
    [InlineData("6", nameof(SocketIoPacketKind.Control))]
    [InlineData("41", nameof(SocketIoPacketKind.Control))]
    [InlineData("44{\"message\":\"not authorized\"}", nameof(SocketIoPacketKind.Control))]
    public void Pings_pongs_and_other_control_packets_are_not_events(string message, string kind)
    {
        Assert.Equal(kind, Parse(message).Kind.ToString());
    }

    [Fact]
    public void A_connect_packet_names_the_session()
    {
        var packet = Parse("""40{"sid":"xT7ygW9DRzGKMyQGAAAC"}""");

        Assert.Equal((SocketIoPacketKind.Connect, "xT7ygW9DRzGKMyQGAAAC"), (packet.Kind, packet.Sid));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("42garbage")]
    [InlineData("42[\"name\",{\"a\":1}")]
    [InlineData("42[\"name\",1]]")]
    [InlineData("42[\"name\",1] x")]
    [InlineData("42[1,2]")]
    [InlineData("42[]")]
    [InlineData("42{\"name\":1}")]
    [InlineData("43[{\"success\":true}]")]
    [InlineData("45[\"chart\",1]")]
    [InlineData("hello")]
    public void What_is_not_a_readable_packet_is_malformed_never_guessed_at(string message)
    {
        Assert.Equal(SocketIoPacketKind.Malformed, Parse(message).Kind);
    }

    /// <summary>Any name, ack id and JSON arguments written as socket.io-client writes them come back unchanged.</summary>
    [Fact]
    public void Written_events_and_acks_parse_back_to_their_parts()
    {
        var names = Gen.Elements("playerUpdate", "buyOrder", "standard/newTrade", "é✓ name", "a\"quote", "tab\there");
        var atoms = Gen.Elements("1", "1.0", "-0", "6.288315726479595e-05", "true", "null", "\"\"", "\"\\u00e9\"", "\"é✓\"", "{}", "[]", "{\"a\":[1,{\"b\":null}]}");
        var cases =
            from name in names
            from ackId in Gen.Frequency((1, Gen.Constant((long?)null)), (2, Gen.Choose(0, int.MaxValue).Select(id => (long?)id)))
            from count in Gen.Choose(0, 5)
            from args in atoms.ArrayOf(count)
            from isAck in Gen.Elements(false, true)
            select (name, ackId, args, isAck);
        Prop.ForAll(Arb.From(cases), c =>
        {
            var argsJson = "[" + string.Join(',', c.args) + "]";
            var isAck = c.isAck && c.ackId is not null;
            var message = isAck
                ? $"43{c.ackId}{argsJson}"
                : $"42{c.ackId}[{System.Text.Json.JsonSerializer.Serialize(c.name)}{string.Concat(c.args.Select(arg => "," + arg))}]";
            var packet = Parse(message);
            return packet.Kind == (isAck ? SocketIoPacketKind.Ack : SocketIoPacketKind.Event)
                && packet.Event == (isAck ? null : c.name)
                && packet.AckId == c.ackId
                && packet.ArgsJson == argsJson;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true));
    }

    /// <summary>Every prefix of a valid event (a torn or truncated message) is either read as what it is or refused; the parser never throws.</summary>
    [Fact]
    public void Every_cut_of_an_event_is_refused_or_read_never_thrown()
    {
        const string whole = """4212["buyOrder",{"amount":0.1,"note":"é✓"},[1,2]]""";
        var bytes = Encoding.UTF8.GetBytes(whole);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var packet = SocketIoPacket.Parse(bytes.AsSpan(0, cut));
            Assert.True(packet.Kind is SocketIoPacketKind.Malformed or SocketIoPacketKind.Control, $"cut at {cut}: {packet}");
        }
        Assert.Equal(SocketIoPacketKind.Event, SocketIoPacket.Parse(bytes).Kind);
    }
}
