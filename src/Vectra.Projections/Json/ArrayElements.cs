namespace Vectra.Projections.Json;

/// <summary>Enumerates the elements of one JSON array inside a larger span as ranges, skipping each without tokenizing it.</summary>
internal ref struct ArrayElements
{
    private readonly ReadOnlySpan<byte> _json;
    private int _position;
    private readonly int _end;
    private bool _finished;

    /// <summary>Walks the array at <paramref name="value"/> (a range of <paramref name="json"/> holding <c>[</c>…, whitespace before it allowed).</summary>
    public ArrayElements(ReadOnlySpan<byte> json, Range value)
    {
        _json = json;
        (_position, var length) = value.GetOffsetAndLength(json.Length);
        _end = _position + length;
        // Stored args may have whitespace around the array (the journal allows it).
        _position = JsonSkip.Whitespace(json[.._end], _position);
        if (_position >= _end || json[_position] != (byte)'[')
        {
            MalformedJson.Throw(_position, "an array");
        }
        _position++;
        Current = default;
    }

    /// <summary>The current element's range within the whole span.</summary>
    public Range Current { get; private set; }

    /// <summary>Moves to the next element; false after the last.</summary>
    public bool MoveNext()
    {
        if (_finished)
        {
            return false;
        }
        var position = JsonSkip.NextItem(_json, _position, _end, (byte)']');
        if (position < 0)
        {
            // NextItem stops at the closing bracket or at the end of the range; only the bracket closes the array.
            var closing = JsonSkip.Whitespace(_json[.._end], _position);
            if (closing < _end && _json[closing] == (byte)',')
            {
                closing = JsonSkip.Whitespace(_json[.._end], closing + 1);
            }
            if (closing >= _end)
            {
                MalformedJson.Throw(_end, "the end of the array");
            }
            _finished = true;
            return false;
        }
        var end = JsonSkip.ValueEnd(_json, position);
        Current = position..end;
        _position = end;
        return true;
    }
}
