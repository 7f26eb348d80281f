using System.Buffers;

namespace Vectra.Journal.Jsonl;

/// <summary>
/// Splits a stream into lines of bytes without decoding them, so raw JSON passes through untouched.
/// Lines may be any length (a frame can be tens of MB); the buffer grows as needed and is pooled.
/// </summary>
public sealed class JsonlLineReader : IDisposable
{
    private readonly Stream _input;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int _start, _end;
    private bool _eof;

    /// <summary>Reads from <paramref name="input"/>, which the caller owns.</summary>
    public JsonlLineReader(Stream input) => _input = input;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed so far, for progress.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// The next line without its line break (a trailing CR is dropped too); false at the end. The line
    /// points into the reader's buffer and is valid only until the next call.
    /// </summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Take(newline, newline + 1);
                return true;
            }
            if (_eof)
            {
                if (_end > _start)
                {
                    line = Take(_end - _start, _end - _start);
                    return true;
                }
                line = default;
                return false;
            }
            Fill();
        }
    }

    private ReadOnlyMemory<byte> Take(int length, int consumed)
    {
        if (length > 0 && _buffer[_start + length - 1] == (byte)'\r')
        {
            length--;
        }
        var line = new ReadOnlyMemory<byte>(_buffer, _start, length);
        _start += consumed;
        BytesRead += consumed;
        LineNumber++;
        return line;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var read = _input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        _end += read;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
