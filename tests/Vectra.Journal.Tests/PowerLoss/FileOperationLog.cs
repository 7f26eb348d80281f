using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>Reads the log <c>file_operation_recorder.c</c> appends to: a header, the file's name, then a write's bytes.</summary>
internal static class FileOperationLog
{
    private const int HeaderBytes = 24;

    /// <summary>
    /// The complete records, in the order the child performed them. A record the kill cut short is
    /// left out: a write is logged before it runs, so it never reached the file; a sync is logged
    /// after it returns, so the child could not have acknowledged anything on the strength of it.
    /// </summary>
    public static IReadOnlyList<FileOperation> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        var bytes = File.ReadAllBytes(path);
        var operations = new List<FileOperation>();
        var at = 0L;
        while (at + HeaderBytes <= bytes.Length)
        {
            var header = bytes.AsSpan((int)at, HeaderBytes);
            var kind = (FileOperationKind)BinaryPrimitives.ReadUInt32LittleEndian(header);
            var nameLength = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
            var length = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
            var dataLength = kind is FileOperationKind.Write or FileOperationKind.Output ? length : 0;
            var end = at + HeaderBytes + nameLength + dataLength;
            if (end > bytes.Length)
            {
                break;
            }
            var name = Encoding.UTF8.GetString(bytes, (int)at + HeaderBytes, (int)nameLength);
            var data = bytes.AsMemory((int)(at + HeaderBytes + nameLength), (int)dataLength);
            operations.Add(new FileOperation(kind, name, offset, length, data));
            at = end;
        }
        return operations;
    }

    /// <summary>The acks (seq, index) among the first <paramref name="count"/> operations: what the child had printed by then.</summary>
    public static List<(long Seq, long Index)> AcksAmong(IReadOnlyList<FileOperation> operations, int count)
    {
        var output = new StringBuilder();
        foreach (var operation in operations.Take(count).Where(operation => operation.Kind == FileOperationKind.Output))
        {
            output.Append(Encoding.UTF8.GetString(operation.Data.Span));
        }
        var acks = new List<(long Seq, long Index)>();
        var lines = output.ToString().Split('\n');
        foreach (var line in lines[..^1]) // the last piece has no newline yet: a line still being printed
        {
            var parts = line.Split(' ');
            if (parts is ["ack", var seq, var index])
            {
                acks.Add((long.Parse(seq, CultureInfo.InvariantCulture), long.Parse(index, CultureInfo.InvariantCulture)));
            }
        }
        return acks;
    }
}
