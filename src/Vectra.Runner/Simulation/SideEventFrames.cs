namespace Vectra.Runner.Simulation;

/// <summary>A game's chat messages and its occasional side events (battle, rug royale, golden hour, maintenance).</summary>
internal static class SideEventFrames
{
    private const long Ms = 1000;

    /// <summary>Adds up to three chat messages during <paramref name="game"/> and, rarely, each side event.</summary>
    public static void Add(List<Frame> frames, GamePlan game, FrameMaker maker)
    {
        var random = maker.Random;
        var args = maker.Args;
        var span = game.RugTime - game.CooldownStart;
        var messages = random.Inclusive(0, 3);
        for (var i = 0; i < messages; i++)
        {
            var ts = game.CooldownStart + (long)(random.NextDouble() * span);
            var w = args.Begin(maker.Traceparent());
            SideEventPayloads.Chat(w, RandomSpeaker(game, random), ts / Ms, random);
            frames.Add(maker.New(ts, "newChatMessage", args.End(), FrameKind.Other));
        }
        var at = game.CooldownStart + (long)random.Between(200 * Ms, 14_000 * Ms);
        if (random.Chance(0.03))
        {
            SideEventPayloads.BattleEvent(args.Begin(maker.Traceparent()));
            frames.Add(maker.New(at, "battleEventUpdate", args.End(), FrameKind.Other));
        }
        if (random.Chance(0.03))
        {
            SideEventPayloads.RugRoyale(args.Begin());
            frames.Add(maker.New(at + 1 * Ms, "rugRoyaleUpdate", args.End(), FrameKind.Other));
        }
        if (random.Chance(0.02))
        {
            SideEventPayloads.GoldenHour(args.Begin(maker.Traceparent()), at / Ms);
            frames.Add(maker.New(at + 2 * Ms, "goldenHourUpdate", args.End(), FrameKind.Other));
        }
        if (random.Chance(0.005))
        {
            SideEventPayloads.Maintenance(args.Begin(maker.Traceparent()));
            frames.Add(maker.New(at + 3 * Ms, "maintenanceUpdate", args.End(), FrameKind.Other));
        }
    }

    private static SimulatedPlayer RandomSpeaker(GamePlan game, SimRandom random)
    {
        if (game.Trades.Count > 0)
        {
            var trade = game.Trades[random.Next(game.Trades.Count)].Trade;
            return new SimulatedPlayer(trade.PlayerId, trade.Username, trade.Level);
        }
        return new SimulatedPlayer("did:privy:cmchatter0000000000000000", "Lurker", 3);
    }
}
