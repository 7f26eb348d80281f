using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Projections.Rugs.Games;
using Vectra.Projections.Rugs.History;
using Vectra.Projections.Rugs.Payloads;
using Vectra.Projections.Rugs.Phases;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Rugs;

/// <summary>
/// Applies a scanned <c>gameStateUpdate</c> to the rugs tables: the game's phase and seed hash, its live tick, the ticks
/// it backfills (<c>partialPrices</c>, a connect snapshot's root <c>prices</c>), its rug, and the completed games of its
/// <c>gameHistory</c> window.
/// </summary>
internal sealed class GameStateHandler(RugsBatchState state)
{
    /// <summary>Applies <paramref name="fields"/> of <paramref name="record"/>; returns what it did, for the exports.</summary>
    public RugsRecordEffects Apply(JournalRecord record, GameStateFields fields, ViewsTransaction views)
    {
        var saved = fields.HasHistory ? ApplyHistory(record, fields, views) : null;
        if (fields.GameId is not { } gameId)
        {
            return new RugsRecordEffects(null, null, saved);
        }
        ApplyGame(record, fields, views, gameId);
        return new RugsRecordEffects(gameId, null, saved);
    }

    private void ApplyGame(JournalRecord record, GameStateFields fields, ViewsTransaction views, string gameId)
    {
        var game = state.Game(views, gameId, create: true)!;
        var phase = fields.Phase;
        game.Saw(record.Seq, record.Ts, phase);
        game.Hash(fields.ServerSeedHash);
        if (phase is not (GamePhase.Active or GamePhase.Rugged))
        {
            return;
        }
        var liveTick = phase == GamePhase.Active ? fields.TickCount : RugTickOf(fields) is { } rug && fields.TickCount == rug ? rug : null;
        if (phase == GamePhase.Rugged && RugTickOf(fields) is { } rugTick)
        {
            game.Rugged(rugTick, PriceAt(fields, rugTick) ?? (fields.TickCount == rugTick ? fields.Price : null));
        }
        if (phase == GamePhase.Active && fields.TickCount == 0)
        {
            game.Started(record.Ts);
        }
        var ledger = state.Ledger(views, gameId);
        if (liveTick is { } tick && (fields.Price ?? PriceAt(fields, tick)) is { } price && ledger.TakeLive(tick))
        {
            state.Ticks.Add(gameId, tick, price, record.Seq, record.Ts, backfilled: false);
            state.LiveTouched(gameId);
        }
        foreach (var known in fields.PartialPrices)
        {
            if (known.Tick != liveTick && ledger.TakeBackfill(known.Tick))
            {
                state.Ticks.Add(gameId, known.Tick, known.Price, record.Seq, record.Ts, backfilled: true);
            }
        }
        if (fields.HasRootPrices)
        {
            BackfillFromSnapshot(record, fields, gameId, ledger, liveTick);
        }
    }

    /// <summary>The connect snapshot's root <c>prices</c> holds the game so far: ticks 0..tickCount.</summary>
    private void BackfillFromSnapshot(JournalRecord record, GameStateFields fields, string gameId, TickLedger ledger, int? liveTick)
    {
        var prices = JsonSerializer.Deserialize<double[]>(record.ArgsSpan[fields.RootPrices]);
        if (prices is null)
        {
            return;
        }
        for (var tick = 0; tick < prices.Length; tick++)
        {
            if (tick != liveTick && ledger.TakeBackfill(tick))
            {
                state.Ticks.Add(gameId, tick, prices[tick], record.Seq, record.Ts, backfilled: true);
            }
        }
    }

    /// <summary>Saves the window's completed games that are new or richer than the stored copy; returns their ids (null: none).</summary>
    private List<string>? ApplyHistory(JournalRecord record, GameStateFields fields, ViewsTransaction views)
    {
        var richness = state.CompleteRichness(views);
        List<string>? saved = null;
        for (var i = 0; i < fields.History.Count; i++)
        {
            var entry = fields.History[i];
            if (richness.TryGetValue(entry.Id, out var stored) && stored >= entry.Richness)
            {
                continue;
            }
            var row = fields.HistoryRows?[i] ?? Parse(record, entry);
            CompleteGamesTables.Save(views, row, record.Seq, record.Ts);
            richness[entry.Id] = row.Richness;
            state.CompleteTouched(entry.Id);
            (saved ??= []).Add(entry.Id);
        }
        return saved;
    }

    /// <summary>An entry not parsed ahead (<see cref="HistoryParser"/>).</summary>
    private static CompleteGameRow Parse(JournalRecord record, HistoryEntry entry)
    {
        using var parsed = JsonDocument.Parse(record.Args.AsMemory()[entry.Range]);
        return CompleteGameRow.From(parsed.RootElement)!;
    }

    /// <summary>The rug tick is <c>partialPrices.endTick</c> of a rugged event, never the later tickCount (docs/feed.md §5).</summary>
    private static int? RugTickOf(GameStateFields fields) =>
        fields.PartialEndTick ?? (fields.PartialPrices.Count > 0 ? fields.PartialPrices.Max(p => p.Tick) : fields.TickCount);

    private static double? PriceAt(GameStateFields fields, int tick)
    {
        foreach (var known in fields.PartialPrices)
        {
            if (known.Tick == tick)
            {
                return known.Price;
            }
        }
        return null;
    }
}
