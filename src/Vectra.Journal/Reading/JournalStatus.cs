using Vectra.Journal.Storage;

namespace Vectra.Journal.Reading;

/// <summary>A journal's vital figures, for <c>vectra status</c>.</summary>
public sealed record JournalStatus(
    string DataDirectory,
    long Records,
    long FirstSeq,
    long LastSeq,
    long? FirstTs,
    long? LastTs,
    long BytesOnDisk,
    string? Durability,
    string? Writer,
    IReadOnlyList<SessionSummary> Sessions,
    StorageFigures Storage)
{
    /// <summary>Reads the figures without disturbing a running writer.</summary>
    public static JournalStatus Read(string dataDirectory)
    {
        using var reader = JournalReader.Open(dataDirectory);
        var sessions = reader.Sessions();
        var storage = reader.Figures();
        var first = reader.Head;
        var last = reader.Tail;
        long? firstTs = first == 0 ? null : reader.ReadOne(first)?.Ts;
        long? lastTs = last == 0 ? null : reader.ReadOne(last)?.Ts;
        return new JournalStatus(
            Path.GetFullPath(dataDirectory),
            sessions.Sum(s => s.Records),
            first,
            last,
            firstTs,
            lastTs,
            reader.Files.BytesOnDisk(),
            reader.LastDurability,
            WriterLock.DescribeHolder(reader.Files),
            sessions,
            storage);
    }
}
