using System.Buffers.Text;

namespace Vectra.Journal.Records;

/// <summary>How <c>meta_session</c> is stored: the GUID's canonical text, lowercase hex with dashes (36 ASCII bytes).</summary>
public static class SessionText
{
    /// <summary>The stored length in bytes.</summary>
    public const int Length = 36;

    /// <summary>Writes the canonical text of <paramref name="session"/> into <paramref name="destination"/> (at least <see cref="Length"/> bytes).</summary>
    public static void Write(Guid session, Span<byte> destination) => Utf8Formatter.TryFormat(session, destination, out _, 'D');

    /// <summary>The session the stored bytes name, when they are exactly its canonical text; false for any other spelling.</summary>
    public static bool TryParseCanonical(ReadOnlySpan<byte> stored, out Guid session)
    {
        Span<byte> canonical = stackalloc byte[Length];
        if (stored.Length == Length && Utf8Parser.TryParse(stored, out session, out var consumed, 'D') && consumed == Length)
        {
            Write(session, canonical);
            return stored.SequenceEqual(canonical);
        }
        session = Guid.Empty;
        return false;
    }
}
