using System.Globalization;
using System.Text;

namespace Vectra.Runner.Bench;

/// <summary>A JSONL recording of tick-shaped frames of a chosen size (from ¾ to 1½ of it), for the capture benchmark.</summary>
internal static class BenchRecording
{
    /// <summary>The recorded gap between frames by default: the live feed's four ticks a second.</summary>
    public const long DefaultGapMicros = 250_000;

    /// <summary>
    /// Writes <paramref name="frames"/> frames of about <paramref name="frameBytes"/> bytes of args each, their
    /// <c>meta_ts</c> <paramref name="gapMicros"/> apart (the pace the feed server keeps at <c>--speed 1</c>).
    /// </summary>
    public static void Write(string path, int frames, int frameBytes, long gapMicros = DefaultGapMicros)
    {
        var random = new Random(20251212);
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        for (var i = 1; i <= frames; i++)
        {
            var size = random.Next(frameBytes * 3 / 4, frameBytes * 3 / 2 + 1);
            var args = new StringBuilder(size + 200);
            args.Append(CultureInfo.InvariantCulture, $"[{{\"gameId\":\"20251212-{i / 300:x16}\",\"active\":true,\"price\":{random.NextDouble() * 5:R},\"tickCount\":{i % 300},\"leaderboard\":[");
            var first = true;
            while (args.Length < size)
            {
                args.Append(first ? "" : ",");
                args.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"did:privy:{random.NextInt64():x16}\",\"pnl\":{random.NextDouble():R},\"level\":{random.Next(1, 80)}}}");
                first = false;
            }
            args.Append("]}]");
            file.Write(string.Create(CultureInfo.InvariantCulture, $"{{\"meta_seq\":{i},\"meta_ts\":{1765577818000000L + i * gapMicros},\"event\":\"gameStateUpdate\",\"args\":{args}}}\n"));
        }
    }
}
