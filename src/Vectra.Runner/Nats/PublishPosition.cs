using System.Globalization;
using System.Text;
using Vectra.Projections.Exports.Files;

namespace Vectra.Runner.Nats;

/// <summary>
/// The last local <c>meta_seq</c> whose publish NATS acknowledged, kept in <c>nats-published</c> in the data folder:
/// written through <see cref="DurableFile"/> (a temporary file, fsynced, renamed, the folder fsynced), so a crash leaves the old or the new value, never a torn one.
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

    public void Save(long seq) =>
        DurableFile.Write(_path, file => file.Write(Encoding.ASCII.GetBytes(seq.ToString(CultureInfo.InvariantCulture))));
}
