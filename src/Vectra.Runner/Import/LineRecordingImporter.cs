using System.Text.Json;

namespace Vectra.Runner.Import;

/// <summary>
/// An importer for one JSON object a line. A line that is torn, not JSON, or lacks what the format
/// needs is skipped and counted. A file whose first line is a lone <c>{</c> is one pretty-printed
/// object and is read as a single line.
/// </summary>
internal abstract class LineRecordingImporter : IRecordingImporter
{
    /// <inheritdoc/>
    public abstract ImportFormat Format { get; }

    /// <inheritdoc/>
    public void Read(ReadOnlySpan<byte> content, ImportedFile file)
    {
        if (IsOnePrettyPrintedObject(content))
        {
            ReadLine(content.Trim(" \t\r\n"u8), file);
            return;
        }
        foreach (var line in new ByteLines(content))
        {
            if (!line.Trim(" \t"u8).IsEmpty)
            {
                ReadLine(line, file);
            }
        }
    }

    /// <summary>Reads one complete JSON object; false when it cannot be imported.</summary>
    protected abstract bool TryImport(ReadOnlySpan<byte> line, ImportedFile file);

    private void ReadLine(ReadOnlySpan<byte> line, ImportedFile file)
    {
        file.CountLine();
        bool imported;
        try
        {
            imported = TryImport(line, file);
        }
        catch (JsonException)
        {
            imported = false;
        }
        if (!imported)
        {
            file.Skip();
        }
    }

    private static bool IsOnePrettyPrintedObject(ReadOnlySpan<byte> content)
    {
        var lines = new ByteLines(content);
        return lines.MoveNext() && lines.Current.Trim(" \t"u8).SequenceEqual("{"u8);
    }
}
