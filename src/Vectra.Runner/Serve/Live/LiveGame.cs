using System.Globalization;
using System.Text;
using Vectra.Projections.Rugs.Phases;

namespace Vectra.Runner.Serve.Live;

/// <summary>
/// The game being played, as the journal tells it: id, phase, a price per tick, the rug tick. Each update
/// returns the server-sent event that tells a browser what changed (a whole <c>game</c> when the id changes,
/// else a <c>tick</c> with the new prices). Not thread-safe: <see cref="LiveFeed"/> owns it under its lock.
/// </summary>
internal sealed class LiveGame
{
    private readonly SortedDictionary<int, double> _prices = [];

    public string? GameId { get; private set; }

    public GamePhase Phase { get; private set; } = GamePhase.Unknown;

    public int? RugTick { get; private set; }

    public IReadOnlyCollection<KeyValuePair<int, double>> Prices => _prices;

    /// <summary>Folds <paramref name="update"/> in; returns the event to send, or null when nothing visible changed.</summary>
    public string? Apply(LiveUpdate update)
    {
        if (update.GameId != GameId)
        {
            GameId = update.GameId;
            _prices.Clear();
            RugTick = null;
            Phase = GamePhase.Unknown;
            Fold(update);
            return Snapshot();
        }
        var (phaseChanged, added) = Fold(update);
        return added.Count == 0 && !phaseChanged ? null : Event("tick", Payload(added));
    }

    /// <summary>The whole game as one <c>game</c> event, for a browser that just connected.</summary>
    public string Snapshot() => Event("game", Payload(_prices.Select(p => (p.Key, p.Value)).ToList()));

    private (bool Phase, List<(int, double)> Added) Fold(LiveUpdate update)
    {
        var added = new List<(int, double)>();
        // The rug tick's remainder price is the last point; later frozen windows change nothing.
        if (RugTick is null)
        {
            foreach (var (tick, price) in update.Prices)
            {
                if (!_prices.TryGetValue(tick, out var known) || known.CompareTo(price) != 0)
                {
                    _prices[tick] = price;
                    added.Add((tick, price));
                }
            }
        }
        var phaseChanged = false;
        if (update.Phase != GamePhase.Unknown && update.Phase > Phase)
        {
            Phase = update.Phase;
            phaseChanged = true;
        }
        if (RugTick is null && update.RugTick is { } rug)
        {
            RugTick = rug;
            phaseChanged = true;
        }
        return (phaseChanged, added);
    }

    private string Payload(List<(int Tick, double Price)> points)
    {
        var json = new StringBuilder(64 + (points.Count * 24));
        json.Append("{\"gameId\":\"").Append(System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(GameId ?? ""))
            .Append("\",\"phase\":\"").Append(Phase.ToText()).Append("\",\"rugTick\":").Append(RugTick?.ToString(CultureInfo.InvariantCulture) ?? "null")
            .Append(",\"points\":[");
        for (var i = 0; i < points.Count; i++)
        {
            json.Append(i == 0 ? "[" : ",[").Append(points[i].Tick).Append(',').Append(points[i].Price.ToString("R", CultureInfo.InvariantCulture)).Append(']');
        }
        return json.Append("]}").ToString();
    }

    private static string Event(string name, string data) => $"event: {name}\ndata: {data}\n\n";
}
