namespace Vectra.Projections.Rugs.Fairness;

/// <summary>
/// The seeded ARC4 generator of David Bau's seedrandom, reproduced draw for draw: key mixing, RC4 key schedule,
/// 256 discarded bytes, and doubles built from 6 to 7 output bytes. One instance per game; draws never allocate.
/// </summary>
public sealed class SeededRandom
{
    private const int Width = 256;
    private const int Mask = Width - 1;
    private const int BytesPerDraw = 6;
    private const double StartDenominator = 281474976710656.0; // 2^48
    private const double Significance = 4503599627370496.0; // 2^52
    private const double Overflow = 9007199254740992.0; // 2^53

    private readonly byte[] _state = new byte[Width];
    private int _i;
    private int _j;

    /// <summary>Keys the generator with <paramref name="seed"/> (for a game: <c>serverSeed + "-" + gameId</c>).</summary>
    public SeededRandom(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        Span<byte> key = stackalloc byte[Width];
        var keyLength = MixKey(seed, key);
        Schedule(key[..keyLength]);
        Skip(Width);
    }

    /// <summary>The generator of one game: keyed by <c>serverSeed-gameId</c>.</summary>
    public static SeededRandom ForGame(string serverSeed, string gameId) => new($"{serverSeed}-{gameId}");

    /// <summary>The next double in [0, 1), identical to seedrandom's <c>prng()</c>.</summary>
    public double NextDouble()
    {
        var n = NextBytes(BytesPerDraw);
        var d = StartDenominator;
        var x = 0.0;
        while (n < Significance)
        {
            n = (n + x) * Width;
            d *= Width;
            x = NextByte();
        }
        while (n >= Overflow)
        {
            n /= 2;
            d /= 2;
            x = (double)((uint)x >> 1);
        }
        return (n + x) / d;
    }

    private static int MixKey(string seed, Span<byte> key)
    {
        var smear = 0;
        for (var index = 0; index < seed.Length; index++)
        {
            var slot = index & Mask;
            smear ^= key[slot] * 19;
            key[slot] = (byte)((smear + seed[index]) & Mask);
        }
        return Math.Max(1, Math.Min(seed.Length, Width));
    }

    private void Schedule(ReadOnlySpan<byte> key)
    {
        var s = _state;
        for (var index = 0; index < Width; index++)
        {
            s[index] = (byte)index;
        }
        var j = 0;
        for (var index = 0; index < Width; index++)
        {
            var t = s[index];
            j = (j + key[index % key.Length] + t) & Mask;
            s[index] = s[j];
            s[j] = t;
        }
    }

    private void Skip(int count)
    {
        for (var k = 0; k < count; k++)
        {
            NextByte();
        }
    }

    private double NextBytes(int count)
    {
        var r = 0.0;
        for (var k = 0; k < count; k++)
        {
            r = (r * Width) + NextByte();
        }
        return r;
    }

    private int NextByte()
    {
        var s = _state;
        _i = (_i + 1) & Mask;
        var t = s[_i];
        _j = (_j + t) & Mask;
        s[_i] = s[_j];
        s[_j] = t;
        return s[(s[_i] + s[_j]) & Mask];
    }
}
