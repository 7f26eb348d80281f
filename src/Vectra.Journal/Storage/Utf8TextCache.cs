using System.Text;

namespace Vectra.Journal.Storage;

/// <summary>
/// Remembers the UTF-8 form of short texts that repeat (a record's event name, source and session; a game id
/// repeated by thousands of payloads), in both directions, so appends, reads and payload scans do not encode or
/// decode them each time. Bounded: it forgets everything past a few thousand distinct texts.
/// </summary>
public sealed class Utf8TextCache
{
    private const int MaxEntries = 4096;
    private readonly Dictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (byte[] Bytes, string Text)> _texts = [];
    private (byte[] Bytes, string Text) _last = ([], "");

    /// <summary>The UTF-8 bytes of <paramref name="text"/>; the same array each time (callers must not change it).</summary>
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

    /// <summary>The text <paramref name="utf8"/> encodes; the same string instance each time the same bytes come back.</summary>
    public string Decode(ReadOnlySpan<byte> utf8)
    {
        // A payload scan sees the same value many times in a row: one comparison, no hashing.
        if (utf8.SequenceEqual(_last.Bytes))
        {
            return _last.Text;
        }
        var hash = new HashCode();
        hash.AddBytes(utf8);
        var key = hash.ToHashCode();
        if (!_texts.TryGetValue(key, out var known) || !utf8.SequenceEqual(known.Bytes))
        {
            if (_texts.Count >= MaxEntries)
            {
                _texts.Clear();
            }
            known = (utf8.ToArray(), Encoding.UTF8.GetString(utf8));
            _texts[key] = known;
        }
        _last = known;
        return known.Text;
    }
}
