using Vectra.Journal.Records;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Player;

/// <summary>
/// <c>player_state</c>: every <c>playerUpdate</c> an authenticated session received (live CDP capture, CDP import,
/// <c>simulate --player</c>) as one row of the account fields, and <c>player_latest</c>, each player's state of the
/// highest <c>meta_seq</c>. Duplicates keep one row per record; a payload without a player id is quarantined.
/// </summary>
public sealed class PlayerStateProjection : IRecordProjection
{
    /// <summary>The event this projection reads.</summary>
    public const string PlayerUpdate = "playerUpdate";

    /// <inheritdoc/>
    public string Name => "player_state";

    /// <inheritdoc/>
    public int Version => 1;

    /// <inheritdoc/>
    public void Create(ViewsTransaction views) => views.Execute(PlayerStateTables.Create);

    /// <inheritdoc/>
    public void Drop(ViewsTransaction views) => views.Execute(PlayerStateTables.Drop);

    /// <inheritdoc/>
    public void Apply(JournalRecord record, ViewsTransaction views)
    {
        if (record.Event != PlayerUpdate)
        {
            return;
        }
        using var payload = PlayerPayload.RequiredObject(record);
        PlayerStateTables.Insert(views, record.Seq, record.Ts, record.Session, PlayerStateRow.Read(payload.RootElement));
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
