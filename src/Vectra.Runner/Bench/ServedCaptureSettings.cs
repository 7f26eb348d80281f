using Vectra.Journal;

namespace Vectra.Runner.Bench;

/// <summary>What <c>bench capture --serve</c> runs: the recording, the durability, the pace (0 = full speed) and how many off/serving pairs.</summary>
internal sealed record ServedCaptureSettings(int Frames, int FrameBytes, Durability Durability, int Rate, int Pairs)
{
    /// <summary>The command line that reproduces these runs.</summary>
    public string Command =>
        $"vectra bench capture --frames {Frames} --frame-bytes {FrameBytes} --durability {Durability.Name}{(Rate > 0 ? $" --rate {Rate}" : "")} --serve --pairs {Pairs}";

    /// <summary>The recorded gap between frames: 1/rate s at a rate (played steadily), the default otherwise (played at full speed).</summary>
    public long GapMicros => Rate > 0 ? 1_000_000 / Rate : BenchRecording.DefaultGapMicros;

    /// <summary>The feed server's <c>--speed</c>: the recorded pace at a rate, else as fast as the capture takes frames.</summary>
    public string Speed => Rate > 0 ? "1" : "max";
}
