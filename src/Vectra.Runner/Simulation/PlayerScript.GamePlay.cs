using System.Text.Json;
using Vectra.Journal.Records;

namespace Vectra.Runner.Simulation;

/// <summary>The part of <see cref="PlayerScript"/> that plays one game.</summary>
internal sealed partial class PlayerScript
{
    /// <summary>One game's timeline: ticks, request processing and settlements run in time order against the account.</summary>
    private sealed class GamePlay(PlayerScript player, List<Frame> frames, GamePlan game, RugpoolState pool, FrameMaker maker)
    {
        private readonly PriorityQueue<Action, (long Ts, int Order)> _timeline = new();
        private readonly double _pnlAtStart = player._account.CumulativePnl;
        private int _order;
        private bool _active;
        private bool _sidebetOpen;

        public (int Entries, double Percentage) LastPoolShare { get; private set; }

        public void Run(List<Request> requests)
        {
            for (var tick = 1; tick < game.RugTick; tick++)
            {
                var at = tick;
                At(game.TickTimes[tick] + Ms, () => Tick(at));
            }
            At(game.RugTime + 65 * Ms, Liquidate);
            foreach (var request in requests)
            {
                Send(request);
            }
            while (_timeline.TryDequeue(out var step, out _))
            {
                step();
            }
        }

        private void At(long ts, Action step) => _timeline.Enqueue(step, (ts, _order++));

        private void Send(Request request)
        {
            var random = player._random;
            var ackId = player._nextAck++;
            var eventName = request.Kind switch { RequestKind.Buy => "buyOrder", RequestKind.Sell => "sellOrder", _ => "requestSidebet" };
            double? amount = null;
            int? percentage = null;
            switch (request.Kind)
            {
                case RequestKind.Sell:
                    percentage = random.Chance(0.5) ? 100 : random.Chance(0.5) ? 50 : 25;
                    break;
                case RequestKind.Buy when random.Chance(0.06):
                    amount = Math.Round(player._account.Cash + 0.5, 3);
                    break;
                case RequestKind.Buy:
                    amount = Math.Round(random.Between(0.001, 0.05), 3);
                    break;
                default:
                    amount = Math.Round(random.Between(0.001, 0.01), 3);
                    break;
            }
            var w = player._args.Begin();
            PlayerPayloads.Sent(w, eventName, ackId, a =>
            {
                a.WriteStartObject();
                if (percentage is { } p)
                {
                    a.WriteNumber("percentage"u8, p);
                }
                else
                {
                    a.WriteNumber("amount"u8, amount!.Value);
                }
                if (request.Kind == RequestKind.Sidebet)
                {
                    a.WriteString("coinAddress"u8, PlayerPayloads.CoinAddress);
                    a.WriteNumber("xPayout"u8, 5);
                }
                a.WriteEndObject();
            });
            Add(request.SentTs, SystemEvents.CdpSent, player._args.End());
            var processedAt = request.SentTs + player.Offset(5, 60);
            var ackAt = processedAt + player.Offset(5, 40);
            At(processedAt, () => Process(request, eventName, ackId, amount, percentage, processedAt, ackAt));
        }

        private void Process(Request request, string eventName, int ackId, double? amount, int? percentage, long processedAt, long ackAt)
        {
            var account = player._account;
            var filled = TickAt(processedAt);
            string? reason = filled >= game.RugTick ? "game not active"
                : request.Kind == RequestKind.Sell && account.PositionQty <= 0 ? "no position to sell"
                : request.Kind == RequestKind.Sidebet && _sidebetOpen ? "sidebet already active"
                : request.Kind != RequestKind.Sell && amount > account.Cash ? "insufficient cash"
                : null;
            string? tradeId = null;
            double? qty = null;
            if (reason is null)
            {
                var price = game.PriceAt(filled);
                switch (request.Kind)
                {
                    case RequestKind.Buy:
                        tradeId = player._random.NextGuid().ToString("D");
                        qty = account.Buy(amount!.Value, price);
                        player._entries = Math.Min(RugpoolEntry.MaxEntries, player._entries + (int)Math.Round(amount.Value / RugpoolEntry.SolPerEntry));
                        Trade(processedAt, new TradeTruth(tradeId, "buy", amount.Value, price, qty.Value, filled, player._id, player._username, player._level, 1, false));
                        break;
                    case RequestKind.Sell:
                        tradeId = player._random.NextGuid().ToString("D");
                        var (sold, proceeds) = account.Sell(percentage!.Value, price);
                        qty = sold;
                        Trade(processedAt, new TradeTruth(tradeId, "sell", proceeds, price, sold, filled, player._id, player._username, player._level, null, false));
                        break;
                    default:
                        account.PlaceSidebet(amount!.Value);
                        _sidebetOpen = true;
                        Sidebet(processedAt, "currentSidebet", amount.Value, filled, null);
                        var end = filled + SidebetWindow;
                        var won = game.RugTick <= end;
                        At(won ? game.RugTime + 70 * Ms : game.TickTimes[end] + 100 * Ms, () => Settle(amount.Value, filled, won));
                        break;
                }
                _active |= request.Kind != RequestKind.Sidebet;
                PlayerUpdate(processedAt + 300, game.Id);
            }
            var w = player._args.Begin();
            PlayerPayloads.Ack(w, ackId, reason, tradeId, ackAt / Ms);
            Add(ackAt, SystemEvents.CdpAck, player._args.End());
            var requested = Math.Min(request.Tick, game.RugTick);
            player._actions.Add(new PlayerActionTruth(game.Id, ackId, eventName, amount, percentage, requested, game.PriceAt(requested), reason is null, reason,
                tradeId, reason is null ? filled : null, reason is null ? game.PriceAt(filled) : null, qty, request.SentTs, ackAt));
        }

        private void Settle(double amount, int startTick, bool won)
        {
            var at = won ? game.RugTime + 70 * Ms : game.TickTimes[startTick + SidebetWindow] + 100 * Ms;
            player._account.SettleSidebet(amount, won);
            _sidebetOpen = false;
            Sidebet(at, "currentSidebetResult", amount, startTick, won);
            PlayerUpdate(at + 300, game.Id);
        }

        private void Liquidate()
        {
            if (player._account.PositionQty <= 0)
            {
                return;
            }
            var at = game.RugTime + 65 * Ms;
            var price = game.PriceAt(game.RugTick);
            var (sold, proceeds) = player._account.Sell(100, price);
            Trade(at, new TradeTruth(player._random.NextGuid().ToString("D"), "sell", proceeds, price, sold, game.RugTick, player._id, player._username, player._level, null, true));
            PlayerUpdate(at + 300, game.Id);
        }

        private void Tick(int tick)
        {
            var account = player._account;
            var price = game.PriceAt(tick);
            var standing = _active
                ? new PlayerStanding(player._id, player._username, player._level,
                    Math.Round(account.CumulativePnl - _pnlAtStart + (account.PositionQty * (price - account.AvgCost)), 9),
                    account.PositionQty, account.AvgCost, account.TotalInvested, 1 + (tick % 7))
                : null;
            List<RugpoolEntry> entries = [.. player._others];
            if (player._entries > 0)
            {
                entries.Add(new RugpoolEntry(player._id, player._username, player._entries));
            }
            entries.Sort(static (a, b) => a.Entries != b.Entries ? b.Entries.CompareTo(a.Entries) : string.CompareOrdinal(a.PlayerId, b.PlayerId));
            var total = entries.Sum(e => e.Entries);
            LastPoolShare = (player._entries, player._entries == 0 ? 0 : new RugpoolEntry(player._id, player._username, player._entries).Percentage(total));
            var w = player._args.Begin();
            PlayerPayloads.GameStatePlayerUpdate(w, game.Id, standing, pool, entries);
            Add(game.TickTimes[tick] + Ms, "gameStatePlayerUpdate", player._args.End());
        }

        public void PlayerUpdate(long ts, string? gameId)
        {
            var w = player._args.Begin();
            PlayerPayloads.PlayerUpdate(w, player._id, player._account, player._level);
            Add(ts, "playerUpdate", player._args.End());
            player._states.Add(player._account.State(gameId, ts));
        }

        private void Trade(long ts, TradeTruth trade)
        {
            var w = player._args.Begin($"00-{player._random.Hex(32)}-{player._random.Hex(16)}-01");
            TradePayload.Write(w, game.Id, trade);
            Add(ts, "standard/newTrade", player._args.End());
        }

        private void Sidebet(long ts, string eventName, double amount, int startTick, bool? won)
        {
            var w = player._args.Begin();
            w.WriteStartObject();
            w.WriteString("gameId"u8, game.Id);
            w.WriteNumber("betAmount"u8, amount);
            w.WriteNumber("xPayout"u8, 5);
            w.WriteNumber("startTick"u8, startTick);
            w.WriteNumber("endTick"u8, startTick + SidebetWindow);
            var tick = won == true ? game.RugTick : startTick;
            w.WriteNumber("tickIndex"u8, tick);
            w.WriteNumber("price"u8, game.PriceAt(tick));
            w.WriteNumber("timestamp"u8, ts / Ms);
            w.WriteString("type"u8, won is null ? "placed" : "payout");
            if (won is { } result)
            {
                var payout = result ? Math.Round(amount * 5, 9) : 0;
                w.WriteNumber("payout"u8, payout);
                w.WriteNumber("profit"u8, Math.Round(payout - amount, 9));
            }
            w.WriteEndObject();
            Add(ts, eventName, player._args.End());
        }

        private int TickAt(long ts)
        {
            if (ts >= game.RugTime)
            {
                return game.RugTick;
            }
            var tick = Array.BinarySearch(game.TickTimes, ts);
            return tick >= 0 ? tick : Math.Max(0, ~tick - 1);
        }

        private void Add(long ts, string eventName, byte[] args) => frames.Add(maker.New(ts, eventName, args, FrameKind.Other));
    }
}
