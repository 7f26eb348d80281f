namespace Vectra.Runner.Simulation;

/// <summary>
/// The <c>torn</c> fault at file level: now and then, before a record line, writes a line where a cut-off copy of
/// the previous record runs into the start of another, as two interleaved writers leave it. Records stay intact.
/// </summary>
internal sealed class TornLineInjector(SimRandom random)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private byte[]? _previous;
    private int _untilNext = random.Inclusive(50, 250);

    public int Written { get; private set; }

    public void BeforeLine(ReadOnlySpan<byte> line, Stream output)
    {
        if (_previous is not null && --_untilNext <= 0)
        {
            var cut = random.Inclusive(1, _previous.Length - 2);
            output.Write(_previous.AsSpan(0, cut));
            output.Write(line[..Math.Min(line.Length, 2 + random.Next(24))]);
            output.Write(NewLine);
            Written++;
            _untilNext = random.Inclusive(50, 250);
        }
        _previous = line.TrimEnd((byte)'\n').ToArray();
    }
}
