namespace Vectra.Runner.Simulation;

/// <summary>
/// The simulator's deterministic generator: xoshiro256** seeded through SplitMix64. Same seed and stream give the
/// same sequence on every machine and run; nothing here touches System.Random or the clock.
/// </summary>
public sealed class SimRandom
{
    private const string HexDigits = "0123456789abcdef";
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A generator for <paramref name="seed"/>; <paramref name="stream"/> separates independent sequences.</summary>
    public SimRandom(ulong seed, ulong stream = 0)
    {
        var state = seed ^ (stream * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    /// <summary>An integer in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => count <= 0 ? 0 : (int)(NextUInt64() % (ulong)count);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>] inclusive.</summary>
    public int Inclusive(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary><paramref name="length"/> lowercase hex digits.</summary>
    public string Hex(int length) => string.Create(length, this, static (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = HexDigits[(int)(random.NextUInt64() & 15)];
        }
    });

    /// <summary>A version-4 style UUID built from the sequence.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
