using System.Runtime.ExceptionServices;
using Vectra.Journal.Records;

namespace Vectra.Projections.Runtime;

/// <summary>A record with what each projection prepared from it (see <see cref="IProjection.Prepare"/>), by projection index.</summary>
internal readonly record struct PreparedRecord(JournalRecord Record, object?[]? Prepared)
{
    /// <summary>
    /// Prepares <paramref name="record"/> for every projection that has not passed it yet (<paramref name="checkpoints"/>,
    /// which only grow, may be read while the applying thread moves them); a failed preparation is kept, to be thrown
    /// when the record is applied.
    /// </summary>
    public static PreparedRecord Of(JournalRecord record, IReadOnlyList<IProjection> projections, long[] checkpoints)
    {
        object?[]? prepared = null;
        for (var i = 0; i < projections.Count; i++)
        {
            if (record.Seq <= Volatile.Read(ref checkpoints[i]))
            {
                continue;
            }
            object? value;
            try
            {
                value = projections[i].Prepare(record);
            }
            catch (Exception error)
            {
                value = ExceptionDispatchInfo.Capture(error);
            }
            if (value is not null)
            {
                (prepared ??= new object?[projections.Count])[i] = value;
            }
        }
        return new PreparedRecord(record, prepared);
    }

    /// <summary>What projection <paramref name="index"/> prepared; rethrows its preparation's failure.</summary>
    public object? For(int index)
    {
        var value = Prepared?[index];
        if (value is ExceptionDispatchInfo failure)
        {
            failure.Throw();
        }
        return value;
    }
}
