using System.Text.Json;
using Vectra.Journal.Records;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Player;

/// <summary>
/// <c>rugpool</c>: per game, the pool and the players' entries as the game's last <c>gameStatePlayerUpdate</c>
/// (highest meta_seq) listed them, with the authenticated player (<c>leaderboardEntry.id</c>, when the frame has
/// one). A frame without a <c>rugpool</c> object changes nothing; one without a string <c>gameId</c> is quarantined.
/// </summary>
public sealed class RugpoolProjection : IRecordProjection
{
    /// <summary>The event this projection reads.</summary>
    public const string GameStatePlayerUpdate = "gameStatePlayerUpdate";

    /// <inheritdoc/>
    public string Name => "rugpool";

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public void Create(ViewsTransaction views) => views.Execute(RugpoolTables.Create);

    /// <inheritdoc/>
    public void Drop(ViewsTransaction views) => views.Execute(RugpoolTables.Drop);

    /// <inheritdoc/>
    public void Apply(JournalRecord record, ViewsTransaction views)
    {
        if (record.Event != GameStatePlayerUpdate)
        {
            return;
        }
        using var payload = PlayerPayload.RequiredObject(record);
        var root = payload.RootElement;
        var gameId = PlayerPayload.Text(root, "gameId") ?? throw new InvalidDataException("gameStatePlayerUpdate: no game id (a string \"gameId\").");
        if (PlayerPayload.Member(root, "rugpool") is not { ValueKind: JsonValueKind.Object } pool)
        {
            return;
        }
        var player = PlayerPayload.Member(root, "leaderboardEntry") is { } entry ? PlayerPayload.Text(entry, "id") : null;
        if (!RugpoolTables.Pool(views, gameId, player, RugpoolFields.Read(pool), record.Seq, record.Ts))
        {
            return;
        }
        if (PlayerPayload.Member(pool, "playerEntries") is not { ValueKind: JsonValueKind.Array } entries)
        {
            return;
        }
        foreach (var listed in entries.EnumerateArray())
        {
            if (PlayerPayload.Text(listed, "playerId") is { } playerId)
            {
                RugpoolTables.Entry(views, gameId, playerId, PlayerPayload.Text(listed, "username"), PlayerPayload.Integer(listed, "entries"),
                    PlayerPayload.Number(listed, "percentage"), record.Seq, record.Ts);
            }
        }
    }

    /// <inheritdoc/>
    public void Flush(ViewsTransaction views)
    {
    }

    /// <inheritdoc/>
    public void Forget()
    {
    }
}
