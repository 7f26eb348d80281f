using System.Text;

namespace Vectra.Journal.CrashChild;

/// <summary>The args of the i-th record a crash child appends: derived from i alone, so a test can recompute them.</summary>
public static class CrashPayload
{
    /// <summary>A JSON array of a size and content that vary with <paramref name="index"/>, with unicode and escapes.</summary>
    public static byte[] For(long index)
    {
        var length = (int)(index * 7919 % 3000);
        var text = new StringBuilder(length + 64);
        for (var i = 0; i < length; i++)
        {
            text.Append("aé€\\\"z𝄞"[(int)((index + i) % 7)]);
        }
        // 𝄞 is two UTF-16 units; cutting between them would make a lone surrogate, so drop a dangling half.
        if (text.Length > 0 && char.IsHighSurrogate(text[^1]))
        {
            text.Length--;
        }
        var escaped = text.ToString().Replace("\\", "\\\\").Replace("\"", "\\\"");
        return Encoding.UTF8.GetBytes($"[\"crash\",{index},\"{escaped}\"]");
    }
}
