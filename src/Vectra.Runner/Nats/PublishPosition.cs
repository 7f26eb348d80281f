using System.Globalization;

namespace Vectra.Runner.Nats;

/// <summary>
/// The last local <c>meta_seq</c> whose publish NATS acknowledged, kept in <c>nats-published</c> in the data folder:
/// written to a temporary file, fsynced and renamed, so a crash leaves the old or the new value, never a torn one.
/// Losing an update only republishes records, which the stream's and the mirror's de-duplication drop.
/// </summary>
internal sealed class PublishPosition(string dataDirectory, string stream)
{
    private readonly string _path = Path.Combine(dataDirectory, $"nats-published-{stream}");

    public long Read()
    {
        try
        {
            return long.Parse(File.ReadAllText(_path).Trim(), CultureInfo.InvariantCulture);
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
        catch (FormatException)
        {
            // A value that does not parse was never written by Save: start over; de-duplication drops the repeats.
            return 0;
        }
    }

    public void Save(long seq)
    {
        var temporary = _path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(seq.ToString(CultureInfo.InvariantCulture)));
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, _path, overwrite: true);
    }
}
