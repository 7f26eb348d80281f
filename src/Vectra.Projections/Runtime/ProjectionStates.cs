using Microsoft.Data.Sqlite;

namespace Vectra.Projections.Runtime;

/// <summary>Reads every projection's checkpoint and quarantine count from views.db.</summary>
public static class ProjectionStates
{
    /// <summary>The states stored in the views.db of <paramref name="dataDirectory"/>; empty when there is none.</summary>
    public static IReadOnlyList<ProjectionState> Read(string dataDirectory, long journalTail)
    {
        if (!File.Exists(new ViewsFiles(dataDirectory).Database))
        {
            return [];
        }
        using var connection = ViewsDatabase.OpenReadOnly(dataDirectory);
        return Read(connection, journalTail);
    }

    /// <summary>The states stored in views.db, read on an open <paramref name="connection"/> to it (a reader that keeps one open).</summary>
    public static IReadOnlyList<ProjectionState> Read(SqliteConnection connection, long journalTail)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.name, c.version, c.seq, (SELECT count(*) FROM projection_errors e WHERE e.projection = c.name)
            FROM projection_checkpoints c ORDER BY c.name
            """;
        using var reader = command.ExecuteReader();
        var states = new List<ProjectionState>();
        while (reader.Read())
        {
            var seq = reader.GetInt64(2);
            states.Add(new ProjectionState(reader.GetString(0), reader.GetInt32(1), seq, Math.Max(0, journalTail - seq), reader.GetInt64(3)));
        }
        return states;
    }

    /// <summary>The quarantined records, oldest first.</summary>
    public static IReadOnlyList<QuarantinedRecord> Quarantined(string dataDirectory)
    {
        using var connection = ViewsDatabase.OpenReadOnly(dataDirectory);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT projection, meta_seq, event, error FROM projection_errors ORDER BY meta_seq, projection";
        using var reader = command.ExecuteReader();
        var records = new List<QuarantinedRecord>();
        while (reader.Read())
        {
            records.Add(new QuarantinedRecord(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        }
        return records;
    }
}
