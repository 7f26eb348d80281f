using Vectra.Journal.Records;
using Vectra.Runner.Simulation;

namespace Vectra.Projections.Tests.Player;

/// <summary>A <c>simulate --player</c> session: its records and the simulator's ground truth of the player.</summary>
internal static class SimulatedPlayer
{
    public const string Id = "did:privy:cmsimplayer000000000000001";

    public static SimulationOptions Options(int games, ulong seed, string faults = "") =>
        new(games, seed, SimulationOptions.DefaultStart, SimulationFaults.Parse(faults), Id);

    public static List<JournalRecord> Records(SimulationOptions options) => FeedSimulator.Records(options).ToList();

    public static PlayerTruth Truth(SimulationOptions options) => FeedSimulator.PlayerTruth(options);

    /// <summary>The player_actions columns in the order of the player_action export's schema, for comparing the two.</summary>
    public const string ActionRowsQuery = """
        SELECT session, conn, player_id, game_id, action, kind, ack_id, request, amount, percentage, tick_requested, price_requested, accepted, reason,
            answer_event, latency_ms, trade_id, tick_filled, price_filled, qty, amount_filled, sent_seq, sent_ts FROM player_actions
        """;

    /// <summary>The tables the three player projections own, for dumps.</summary>
    public static readonly IReadOnlyList<string> Tables =
        ["player_state", "player_latest", "player_actions", "player_acks", "player_fills", "player_sessions", "player_left_games", "rugpool", "rugpool_entries"];
}
