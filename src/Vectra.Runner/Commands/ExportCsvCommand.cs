using System.CommandLine;
using Vectra.Projections.Exports.Csv;
using Vectra.Projections.Exports.Player;
using Vectra.Runner.Cli;

namespace Vectra.Runner.Commands;

/// <summary><c>vectra export csv</c>: games_summary.csv, sidebets_detailed.csv and player_trades.csv from views.db.</summary>
internal static class ExportCsvCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Folder for the files (default: <data>/exports/csv)." };
        var command = new Command("csv", "Write games_summary.csv (one row per completed game) and sidebets_detailed.csv (one row per distinct sidebet; won iff rug tick <= start tick + 40) and player_trades.csv (an authenticated player's trades and realised PnL per game) from views.db; run `vectra project` first.")
        {
            output,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(CommonOptions.Data), parse.GetValue(output)));
        return command;
    }

    private static int Run(string data, string? output)
    {
        if (!File.Exists(Path.Combine(data, "views.db")))
        {
            throw new UsageException($"{data} has no views.db: run `vectra project --data {data}` first.");
        }
        var folder = output ?? Path.Combine(data, "exports", "csv");
        var (games, sidebets) = CsvExport.Write(data, folder);
        var playerGames = PlayerTradesCsv.Write(data, folder);
        Console.WriteLine($"games_summary.csv: {games:N0} games; sidebets_detailed.csv: {sidebets:N0} sidebets; player_trades.csv: {playerGames:N0} player games; in {Path.GetFullPath(folder)}");
        return ExitCodes.Ok;
    }
}
