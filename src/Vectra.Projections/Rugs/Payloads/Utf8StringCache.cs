namespace Vectra.Projections.Rugs.Payloads;

/// <summary>
/// Returns the same string instance while consecutive values repeat (a game id repeats for thousands
/// of events), so scanning does not allocate a new string per event.
/// </summary>
internal sealed class Utf8StringCache
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
