using System.Runtime.ExceptionServices;
using Vectra.Journal.Records;

namespace Vectra.Projections.Runtime.Stages;

/// <summary>
/// What one projection prepared from records on the read-ahead thread, kept by seq until the applying thread takes it.
/// A record whose preparation is not here (not read ahead, taken already, or pushed out by records read further ahead)
/// is prepared when it is applied: preparing depends on the record alone, so the result is the same either way.
/// </summary>
/// <remarks>
/// Typed slots instead of a value carried beside each record: nothing is boxed or allocated per record. The slots
/// outnumber the records the journal's read-ahead queue holds, so in a catch-up every record finds its own.
/// </remarks>
internal sealed class PreparedAhead<T>(Func<JournalRecord, T> prepare)
{
    private const int Slots = 4096;

    private readonly long[] _seqs = new long[Slots];
    private readonly T[] _values = new T[Slots];
    private readonly ExceptionDispatchInfo?[] _failures = new ExceptionDispatchInfo?[Slots];
    private readonly Lock _lock = new();

    /// <summary>Prepares <paramref name="record"/> and keeps the result, or the failure, to be thrown when the record is applied.</summary>
    public void Prepare(JournalRecord record)
    {
        T value = default!;
        ExceptionDispatchInfo? failure = null;
        try
        {
            value = prepare(record);
        }
        catch (Exception error)
        {
            failure = ExceptionDispatchInfo.Capture(error);
        }
        var slot = Slot(record.Seq);
        lock (_lock)
        {
            _seqs[slot] = record.Seq;
            _values[slot] = value;
            _failures[slot] = failure;
        }
    }

    /// <summary>What was prepared for <paramref name="record"/>, prepared now if nothing was kept; rethrows a kept failure.</summary>
    public T Take(JournalRecord record)
    {
        var slot = Slot(record.Seq);
        T value = default!;
        ExceptionDispatchInfo? failure = null;
        bool kept;
        lock (_lock)
        {
            kept = _seqs[slot] == record.Seq;
            if (kept)
            {
                value = _values[slot];
                failure = _failures[slot];
                // Seq 0 is no record: the slot is free, and it no longer holds the value.
                _seqs[slot] = 0;
                _values[slot] = default!;
                _failures[slot] = null;
            }
        }
        if (!kept)
        {
            return prepare(record);
        }
        failure?.Throw();
        return value;
    }

    private static int Slot(long seq) => (int)(seq & (Slots - 1));
}
