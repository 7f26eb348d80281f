using System.Text;
using Vectra.Runner.Capture;

namespace Vectra.Runner.Tests.Capture;

public sealed class SocketIoEventPacketsTests
{
    [Theory]
    [InlineData("""42["gameStateUpdate",{"a":[1,2],"b":"é"}]""", "gameStateUpdate", """[{"a":[1,2],"b":"é"}]""")]
    [InlineData("""42["tick",1,"two",null,true,{"x":{}}]""", "tick", """[1,"two",null,true,{"x":{}}]""")]
    [InlineData("""42["spaced" , 1 ,	{ "k" : 2 } ]""", "spaced", """[1,{ "k" : 2 }]""")]
    [InlineData("""42["only"]""", "only", "[]")]
    [InlineData("""42["tab\tand \u00e9",7]""", "tab\tand é", "[7]")]
    public void A_plain_event_gives_its_name_and_each_argument_byte_for_byte(string packet, string expectedName, string expectedArgs)
    {
        var packets = new SocketIoEventPackets();

        Assert.True(packets.TryRead(Encoding.UTF8.GetBytes(packet), out var name, out var args));

        Assert.Equal(expectedName, name);
        Assert.Equal(expectedArgs, Encoding.UTF8.GetString(args));
    }

    [Theory]
    [InlineData("40")]
    [InlineData("2")]
    [InlineData("""42/admin,["x",1]""")]
    [InlineData("""4212["x",1]""")]
    [InlineData("""451-["x",{"_placeholder":true,"num":0}]""")]
    [InlineData("""43["ack"]""")]
    [InlineData("""42[1,2]""")]
    [InlineData("""42["x",{"open":]""")]
    [InlineData("""42["x",1]]""")]
    [InlineData("""42["x",1] 5""")]
    public void Anything_but_a_plain_well_formed_event_is_left_to_the_client(string packet)
    {
        Assert.False(new SocketIoEventPackets().TryRead(Encoding.UTF8.GetBytes(packet), out _, out _));
    }

    [Fact]
    public void A_message_that_is_not_well_formed_utf8_is_left_to_the_client()
    {
        byte[] packet = [.. "42[\"x\",\""u8, 0xC3, 0x28, .. "\"]"u8];

        Assert.False(new SocketIoEventPackets().TryRead(packet, out _, out _));
    }

    [Fact]
    public void A_name_seen_again_is_read_the_same()
    {
        var packets = new SocketIoEventPackets();

        Assert.True(packets.TryRead("""42["repeat",1]"""u8, out var first, out _));
        Assert.True(packets.TryRead("""42["repeat",2]"""u8, out var second, out var args));

        Assert.Equal("repeat", first);
        Assert.Same(first, second);
        Assert.Equal("[2]", Encoding.UTF8.GetString(args));
    }
}
