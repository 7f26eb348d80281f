using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Vectra.Journal.Writing;

/// <summary>
/// Named positions kept in <c>journal_meta</c> under the key prefix <c>position:</c>: upserted by the writer inside a
/// batch's transaction, read once when the writer opens. The table exists since schema 1, so no schema step is needed.
/// </summary>
internal sealed class NamedPositions(SqliteConnection connection) : IDisposable
{
    private const string Prefix = "position:";
    private SqliteCommand? _upsert;

    /// <summary>Every stored position, by name.</summary>
    public static Dictionary<string, long> ReadAll(SqliteConnection connection)
    {
        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT key, value FROM journal_meta WHERE key >= 'position:' AND key < 'position;'";
        using var rows = read.ExecuteReader();
        while (rows.Read())
        {
            positions[rows.GetString(0)[Prefix.Length..]] = long.Parse(rows.GetString(1), CultureInfo.InvariantCulture);
        }
        return positions;
    }

    /// <summary>Stores <paramref name="position"/> within the writer's open transaction (begun on the connection itself).</summary>
    public void Upsert(JournalPosition position)
    {
        if (_upsert is null)
        {
            _upsert = connection.CreateCommand();
            _upsert.CommandText = "INSERT INTO journal_meta (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
            _upsert.Parameters.Add("$k", SqliteType.Text);
            _upsert.Parameters.Add("$v", SqliteType.Text);
        }
        _upsert.Parameters[0].Value = Prefix + position.Name;
        _upsert.Parameters[1].Value = position.Value.ToString(CultureInfo.InvariantCulture);
        _upsert.ExecuteNonQuery();
    }

    public void Dispose() => _upsert?.Dispose();
}
