namespace Vectra.Runner.Tests.Nats;

/// <summary><c>vectra stream create</c> and the NATS commands' errors, against real nats-server processes.</summary>
public sealed class StreamCommandTests
{
    [Fact]
    public async Task Stream_create_sets_up_a_file_stream_with_the_default_dedup_window()
    {
        using var nats = NatsCluster.StartSingle();

        var created = await VectraProcess.RunAsync("stream", "create", "--nats", nats.Urls, "--json");

        Assert.True(created.ExitCode == 0, created.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(created.Stdout);
        Assert.Equal("VECTRA", json.RootElement.GetProperty("stream").GetString());
        Assert.Equal("vectra.vectra.records", json.RootElement.GetProperty("subject").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("replicas").GetInt32());
        Assert.Equal(120, json.RootElement.GetProperty("dedupWindowSeconds").GetDouble());
        Assert.Equal(30 * 86400, json.RootElement.GetProperty("maxAgeSeconds").GetDouble());
        var again = await VectraProcess.RunAsync("stream", "create", "--nats", nats.Urls, "--dedup-window", "10m");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("dedup window 00:10:00", again.Stdout);
    }

    [Fact]
    public async Task Unreachable_nats_is_exit_3_saying_what_to_do()
    {
        var port = NatsNode.FreePort();

        var create = await VectraProcess.RunAsync("stream", "create", "--nats", $"nats://127.0.0.1:{port}");
        using var data = new Vectra.Tests.Common.TempFolder();
        var mirror = await VectraProcess.RunAsync("mirror", "--from", $"nats://127.0.0.1:{port}", "--data", data.Path, "--once");

        foreach (var result in new[] { create, mirror })
        {
            Assert.True(result.ExitCode == 3, result.ToString());
            Assert.Contains($"cannot reach NATS at nats://127.0.0.1:{port}", result.Stderr);
            Assert.Contains("Start nats-server with JetStream", result.Stderr);
        }
    }

    [Fact]
    public async Task Three_replicas_on_one_server_and_bad_options_are_refused_clearly()
    {
        using var nats = NatsCluster.StartSingle();

        var replicas = await VectraProcess.RunAsync("stream", "create", "--nats", nats.Urls, "--replicas", "3");
        var two = await VectraProcess.RunAsync("stream", "create", "--nats", nats.Urls, "--replicas", "2");
        var window = await VectraProcess.RunAsync("stream", "create", "--nats", nats.Urls, "--dedup-window", "soon");
        var url = await VectraProcess.RunAsync("stream", "create", "--nats", "http://127.0.0.1:4222");

        Assert.True(replicas.ExitCode == 3, replicas.ToString());
        Assert.Contains("NATS refused to create stream VECTRA", replicas.Stderr);
        Assert.Contains("--replicas", replicas.Stderr);
        Assert.True(two.ExitCode == 2 && two.Stderr.Contains("--replicas 2"), two.ToString());
        Assert.True(window.ExitCode == 2 && window.Stderr.Contains("--dedup-window soon"), window.ToString());
        Assert.True(url.ExitCode == 2 && url.Stderr.Contains("nats://HOST:PORT"), url.ToString());
    }
}
