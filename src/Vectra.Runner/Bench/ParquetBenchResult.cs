namespace Vectra.Runner.Bench;

/// <summary>
/// Seconds of every write of both sides, first (cold) first; the CPU seconds this process spent on each of our writes (all
/// its threads: the JIT's included) and the garbage collector's work in each; whether all of our writes gave the same bytes; each file's size.
/// </summary>
internal sealed record ParquetBenchResult(double[] OurSeconds, double[] OurCpuSeconds, GcFigures[] OurGc, long OurBytes, bool OursIdentical, double[] DuckDbSeconds, long DuckDbBytes)
{
    public double OurCold => OurSeconds[0];

    public double OurBest => OurSeconds.Min();

    public double DuckDbCold => DuckDbSeconds[0];

    public double DuckDbBest => DuckDbSeconds.Min();
}
