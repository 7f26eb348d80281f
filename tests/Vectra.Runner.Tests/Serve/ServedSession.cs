using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Serve;

/// <summary>
/// A data folder made the way a user would (<c>vectra simulate</c> + <c>vectra replay</c>), with the real
/// <c>vectra serve</c> running over it, and a one-game recording to replay into it while it serves.
/// </summary>
public sealed class ServedSession : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private ServeProcess? _server;

    public string Data => _folder.File("data");

    /// <summary>A later one-game session (other game ids; seed 6 makes a long game, 637 ticks) to replay while the dashboard runs.</summary>
    public string NextGame => _folder.File("next-game.jsonl");

    public Uri Url => _server!.Url;

    public string ServerOutput => _server!.Output;

    public async Task InitializeAsync()
    {
        var session = _folder.File("session.jsonl");
        await Expect(VectraProcess.RunAsync("simulate", "--games", "30", "--seed", "7", "--out", session));
        var nextSession = _folder.File("next-session.jsonl");
        await Expect(VectraProcess.RunAsync("simulate", "--games", "1", "--seed", "6", "--start", "2026-01-01T00:00:00Z", "--out", nextSession));
        await File.WriteAllLinesAsync(NextGame, FirstGameOnly(nextSession));
        await Expect(VectraProcess.RunAsync("replay", session, "--data", Data));
        _server = await ServeProcess.StartAsync(Data);
    }

    /// <summary>A read-only connection to the served views.db, to compare the pages with.</summary>
    public SqliteConnection OpenViews()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Data, "views.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The recording's lines up to the next game's first frame: one game, from its cooldown to its rug and forced sells.</summary>
    private static IEnumerable<string> FirstGameOnly(string recording)
    {
        string? first = null;
        foreach (var line in File.ReadLines(recording))
        {
            using var record = JsonDocument.Parse(line);
            var args = record.RootElement.GetProperty("args");
            var payload = args[args.GetArrayLength() - 1];
            if (record.RootElement.GetProperty("event").GetString() == "gameStateUpdate" && payload.TryGetProperty("gameId", out var id))
            {
                first ??= id.GetString();
                if (id.GetString() != first)
                {
                    yield break;
                }
            }
            yield return line;
        }
    }

    private static async Task Expect(Task<VectraProcess.Result> run)
    {
        var result = await run;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"setup command failed: {result}");
        }
    }
}
