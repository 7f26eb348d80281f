namespace Vectra.Runner.Import;

/// <summary>Splits bytes into lines without copying or decoding; a trailing CR is dropped, blank lines are kept.</summary>
internal ref struct ByteLines(ReadOnlySpan<byte> content)
{
    private ReadOnlySpan<byte> _rest = content;
    private bool _done = content.IsEmpty;

    /// <summary>The current line.</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>Moves to the next line; false after the last.</summary>
    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }
        var newline = _rest.IndexOf((byte)'\n');
        var line = newline >= 0 ? _rest[..newline] : _rest;
        _rest = newline >= 0 ? _rest[(newline + 1)..] : [];
        _done = newline < 0 || _rest.IsEmpty;
        Current = !line.IsEmpty && line[^1] == '\r' ? line[..^1] : line;
        return true;
    }

    /// <summary>Lets <c>foreach</c> walk the lines.</summary>
    public readonly ByteLines GetEnumerator() => this;
}
