namespace Vectra.Projections.Rugs.Payloads;

/// <summary>Enumerates the elements of one JSON array inside a larger span as ranges, skipping each without tokenizing it.</summary>
internal ref struct ArrayElements
{
    private readonly ReadOnlySpan<byte> _json;
    private int _position;
    private readonly int _end;

    /// <summary>Walks the array at <paramref name="value"/> (a range of <paramref name="json"/> starting with <c>[</c>).</summary>
    public ArrayElements(ReadOnlySpan<byte> json, Range value)
    {
        _json = json;
        (_position, var length) = value.GetOffsetAndLength(json.Length);
        _end = _position + length;
        if (length == 0 || json[_position] != (byte)'[')
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
        var position = JsonSkip.NextItem(_json, _position, _end, (byte)']');
        if (position < 0)
        {
            _position = _end;
            return false;
        }
        var end = JsonSkip.ValueEnd(_json, position);
        Current = position..end;
        _position = end;
        return true;
    }
}
