using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Vectra.Journal;
using Vectra.Journal.Writing;
using Vectra.Projections;
using Vectra.Projections.Runtime;
using Vectra.Runner.Serve;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Bench;

/// <summary>
/// How long the dashboard takes to render its pages over a views.db holding many games: a simulated session
/// is projected by the real rugs projection, its <c>games</c> and <c>complete_games</c> rows are cloned under new
/// ids until there are <c>games</c> of each (in the bench's own scratch copy), and each page is requested over
/// loopback from an in-process dashboard. Server time is the render time the page reports in its
/// <c>Server-Timing</c> header; the round trip is measured by the client.
/// </summary>
internal sealed class ServeBenchmark(string folder, int games, int requests)
{
    private const int SimulatedGames = 30;

    /// <summary>One page's figures; <c>CpuMsPerRequest</c> is the process's CPU time per request (server and client), which a busy machine does not inflate.</summary>
    public sealed record PageTiming(string Path, double ServerMedianMs, double ServerMaxMs, double RoundTripMedianMs, double CpuMsPerRequest, int Bytes);

    public async Task<IReadOnlyList<PageTiming>> RunAsync(Action<string> log)
    {
        log($"simulating {SimulatedGames} games and projecting them…");
        using (var writer = JournalWriter.Open(folder, Durability.None))
        {
            foreach (var chunk in FeedSimulator.Records(SimulationOptions.Of(SimulatedGames, 1)).Chunk(4000))
            {
                await writer.AppendExactAsync(chunk);
            }
        }
        using (var runner = ProjectionRunner.Open(folder, [.. ProjectionCatalog.All().Where(p => p.Name == "rugs")]))
        {
            runner.CatchUp();
        }
        log($"cloning rows up to {games:N0} games…");
        var sampleGame = CloneGames();
        var options = new ServeOptions(folder, new Uri("http://127.0.0.1:0"), AllowRemote: false, OtlpEndpoint: null);
        await using var app = DashboardHost.Build(options, TimeProvider.System);
        await app.StartAsync();
        var server = new Uri(DashboardHost.Addresses(app)[0]);
        using var http = new HttpClient { BaseAddress = server };
        string[] paths =
        [
            "/games", "/games?page=100&sort=rug&dir=asc&filter=all", "/games?page=1&sort=peak&dir=desc&filter=unverified",
            $"/games?page={(games / 50) + 1}&sort=time&dir=desc&filter=all", "/stats", "/", $"/games/{sampleGame}",
        ];
        var timings = new List<PageTiming>();
        foreach (var path in paths)
        {
            for (var i = 0; i < 5; i++)
            {
                using var warm = await http.GetAsync(path);
                warm.EnsureSuccessStatusCode();
            }
            var rendered = new List<double>();
            var roundTrip = new List<double>();
            var bytes = 0;
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            for (var i = 0; i < requests; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                roundTrip.Add(clock.Elapsed.TotalMilliseconds);
                response.EnsureSuccessStatusCode();
                bytes = body.Length;
                var timing = response.Headers.GetValues("Server-Timing").Single();
                rendered.Add(double.Parse(timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture));
            }
            self.Refresh();
            var cpuPerRequest = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / requests;
            timings.Add(new PageTiming(path, Median(rendered), rendered.Max(), Median(roundTrip), cpuPerRequest, bytes));
        }
        await app.StopAsync();
        return timings;
    }

    /// <summary>Clones the projected rows under new ids until both tables hold <c>games</c> rows; returns a game with ticks.</summary>
    private string CloneGames()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = new ViewsFiles(folder).Database, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var table in new[] { "complete_games", "games" })
        {
            var columns = Columns(connection, table);
            var select = string.Join(", ", columns.Select(c => c == "game_id" ? "g.game_id || '-' || printf('%05d', k.n)" : $"g.{c}"));
            var existing = Count(connection, table);
            var copies = (games + existing - 1) / existing;
            Execute(connection, $"""
                WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {copies})
                INSERT INTO {table} ({string.Join(", ", columns)}) SELECT {select} FROM {table} g, k
                """);
            Execute(connection, $"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT (SELECT count(*) - {games} FROM {table}))");
        }
        transaction.Commit();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT game_id FROM ticks GROUP BY game_id ORDER BY count(*) DESC LIMIT 1";
        return (string)command.ExecuteScalar()!;
    }

    private static List<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
