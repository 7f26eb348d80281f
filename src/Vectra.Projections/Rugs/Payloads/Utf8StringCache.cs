using System.Text;
using System.Text.Json;

namespace Vectra.Projections.Rugs.Payloads;

/// <summary>
/// Returns the same string instance while consecutive values repeat (a game id repeats for thousands
/// of events), so scanning does not allocate a new string per event.
/// </summary>
internal sealed class Utf8StringCache
{
    private byte[] _bytes = [];
    private string _value = "";

    public string Get(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.SequenceEqual(_bytes))
        {
            return _value;
        }
        _value = reader.GetString()!;
        _bytes = Encoding.UTF8.GetBytes(_value);
        return _value;
    }
}
