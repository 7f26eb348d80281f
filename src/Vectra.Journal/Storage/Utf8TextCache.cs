using System.Text;

namespace Vectra.Journal.Storage;

/// <summary>
/// Remembers the UTF-8 form of the few short texts every record repeats (event names, sources,
/// session ids), in both directions, so appends and reads do not encode or decode them per record.
/// Bounded: it forgets everything past a few thousand distinct texts.
/// </summary>
internal sealed class Utf8TextCache
{
    private const int MaxEntries = 4096;
    private readonly Dictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (byte[] Bytes, string Text)> _texts = [];

    public byte[] Encode(string text)
    {
        if (!_bytes.TryGetValue(text, out var bytes))
        {
            if (_bytes.Count >= MaxEntries)
            {
                _bytes.Clear();
            }
            bytes = Encoding.UTF8.GetBytes(text);
            _bytes[text] = bytes;
        }
        return bytes;
    }

    public string Decode(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        var key = hash.ToHashCode();
        if (_texts.TryGetValue(key, out var known) && utf8.SequenceEqual(known.Bytes))
        {
            return known.Text;
        }
        if (_texts.Count >= MaxEntries)
        {
            _texts.Clear();
        }
        var text = Encoding.UTF8.GetString(utf8);
        _texts[key] = (utf8.ToArray(), text);
        return text;
    }
}
