using Microsoft.Data.Sqlite;
using Vectra.Journal;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Projections.Runtime;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Rugs;

/// <summary>Puts records into a real journal and runs the real projections over it.</summary>
internal static class ProjectionHarness
{
    public static async Task JournalAsync(string data, IEnumerable<JournalRecord> records)
    {
        using var writer = JournalWriter.Open(data, Durability.None);
        var seq = writer.Tail;
        foreach (var chunk in records.Chunk(2000))
        {
            await writer.AppendExactAsync(chunk.Select(r => r with { Seq = ++seq }).ToArray());
        }
    }

    public static void Project(string data)
    {
        using var runner = ProjectionRunner.Open(data, ProjectionCatalog.All());
        runner.CatchUp();
    }

    public static async Task<string> JournalAndProjectAsync(string data, IEnumerable<JournalRecord> records)
    {
        await JournalAsync(data, records);
        Project(data);
        return data;
    }

    public static List<T> Query<T>(string data, string sql, Func<SqliteDataReader, T> row) => ViewsRows.Query(data, sql, row);

    public static double? NullableDouble(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    public static long? NullableLong(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    public static string? NullableString(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
