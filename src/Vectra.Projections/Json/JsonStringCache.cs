namespace Vectra.Projections.Json;

/// <summary>
/// Returns the same string instance while consecutive JSON string values repeat (a game id repeats for
/// thousands of events), so scanning does not allocate a new string per event. It compares raw, still
/// escaped JSON, one value deep; the journal's own text cache (event names, sources) is a different thing.
/// </summary>
internal sealed class JsonStringCache
{
    private byte[] _bytes = [];
    private string? _value;

    /// <summary>The text of a raw JSON string value (with its quotes), or null when it is not a string.</summary>
    public string? Get(ReadOnlySpan<byte> value)
    {
        if (!JsonScalar.IsString(value))
        {
            return null;
        }
        if (_value is not null && value[1..^1].SequenceEqual(_bytes))
        {
            return _value;
        }
        _value = JsonScalar.Text(value);
        // The raw (still escaped) bytes are what the next value is compared with: equal raw text, equal string.
        _bytes = value[1..^1].ToArray();
        return _value;
    }
}
