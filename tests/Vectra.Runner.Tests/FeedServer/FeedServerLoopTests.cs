using System.Text.RegularExpressions;
using Vectra.Runner.Capture;

namespace Vectra.Runner.Tests.FeedServer;

/// <summary>The feed server's <c>--loop</c> (the long capture bench's feed): every pass after the first is the recording with fresh game and trade ids.</summary>
public sealed partial class FeedServerLoopTests : IDisposable
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    private readonly string folder = Directory.CreateTempSubdirectory("vectra-feed-loop-").FullName;

    [Fact]
    public async Task A_looped_simulated_session_comes_again_with_new_game_and_trade_ids_and_otherwise_the_same_bytes()
    {
        var recording = Path.Combine(folder, "recording.jsonl");
        RecordingFile.WriteSimulated(recording, games: 2, seed: 3);
        await using var server = await FeedServerProcess.StartAsync(recording, "--speed", "max", "--preload", "--loop");
        using var client = new CapturingClient(server.Url, reconnection: false);

        await client.ConnectAsync();
        var second = await server.WaitForAsync("pass", occurrence: 3, timeout: DeliveryTimeout);
        var perPass = (int)second.Number("emitted") / 2;
        var received = await client.WaitForFramesAsync(2 * perPass, DeliveryTimeout);

        var first = received.Take(perPass).ToList();
        var again = received.Skip(perPass).Take(perPass).ToList();
        var firstIds = first.SelectMany(Ids).ToHashSet();
        var againIds = again.SelectMany(Ids).ToHashSet();
        Assert.Contains(firstIds, id => id.Length == 25); // game ids, quotes excluded
        Assert.Contains(firstIds, id => id.Length == 36); // trade ids
        Assert.Empty(firstIds.Intersect(againIds));
        Assert.Equal(firstIds.Count, againIds.Count);
        for (var i = 0; i < perPass; i++)
        {
            Assert.Equal(first[i].Event, again[i].Event);
            Assert.Equal(WithoutIds(first[i].ArgsJson), WithoutIds(again[i].ArgsJson));
        }
    }

    private static IEnumerable<string> Ids(ReceivedFrame frame) => IdPattern().Matches(frame.ArgsJson).Select(match => match.Groups[1].Value);

    private static string WithoutIds(string json) => IdPattern().Replace(json, "\"ID\"");

    [GeneratedRegex("\"(\\d{8}-[0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"")]
    private static partial Regex IdPattern();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
