namespace Vectra.Projections.Json;

/// <summary>
/// Enumerates the top-level members of one JSON object inside a larger span: each member's raw name
/// (the bytes between its quotes) and the range of its value, skipping values without tokenizing them.
/// </summary>
internal ref struct ObjectMembers
{
    private readonly ReadOnlySpan<byte> _json;
    private int _position;
    private readonly int _end;

    /// <summary>Walks the object at <paramref name="value"/> (a range of <paramref name="json"/> starting with <c>{</c>).</summary>
    public ObjectMembers(ReadOnlySpan<byte> json, Range value)
    {
        _json = json;
        (_position, var length) = value.GetOffsetAndLength(json.Length);
        _end = _position + length;
        if (length == 0 || json[_position] != (byte)'{')
        {
            MalformedJson.Throw(_position, "an object");
        }
        _position++;
        Name = default;
        Value = default;
    }

    /// <summary>The current member's name, unescaped bytes as written (feed keys never use escapes).</summary>
    public ReadOnlySpan<byte> Name { get; private set; }

    /// <summary>The current member's value, as a range of the whole span.</summary>
    public Range Value { get; private set; }

    /// <summary>Moves to the next member; false after the last.</summary>
    public bool MoveNext()
    {
        var position = JsonSkip.NextItem(_json, _position, _end, (byte)'}');
        if (position < 0)
        {
            _position = _end;
            return false;
        }
        if (_json[position] != (byte)'"')
        {
            MalformedJson.Throw(position, "a member name");
        }
        var nameEnd = JsonSkip.StringEnd(_json, position);
        Name = _json[(position + 1)..(nameEnd - 1)];
        var colon = JsonSkip.Whitespace(_json, nameEnd);
        if (colon >= _end || _json[colon] != (byte)':')
        {
            MalformedJson.Throw(colon, "a colon");
        }
        var valueStart = JsonSkip.Whitespace(_json, colon + 1);
        var valueEnd = JsonSkip.ValueEnd(_json, valueStart);
        Value = valueStart..valueEnd;
        _position = valueEnd;
        return true;
    }
}
