using System.Diagnostics;

namespace Vectra.Runner.Progress;

/// <summary>
/// A progress line on stderr for long work: done/total, rate and ETA, redrawn in place on a terminal
/// and printed at most every few seconds when stderr is a file or pipe.
/// </summary>
internal sealed class ProgressLine(string what, string unit, long total) : IProgress<long>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private TimeSpan _lastDrawn = TimeSpan.Zero;

    public void Report(long done) => Report(done, null);

    /// <summary>Reports <paramref name="done"/> units with a <paramref name="detail"/> shown after them (e.g. ", 1,234 lines").</summary>
    public void Report(long done, string? detail)
    {
        var interval = _terminal ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
        if (_clock.Elapsed - _lastDrawn < interval)
        {
            return;
        }
        _lastDrawn = _clock.Elapsed;
        Draw(done, detail, final: false);
    }

    public void Finish(long done, string? detail = null) => Draw(done, detail, final: true);

    private void Draw(long done, string? detail, bool final)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-6);
        var rate = done / seconds;
        var share = total > 0 ? $" / {total:N0} ({100.0 * done / total:F0}%)" : "";
        var eta = total > 0 && rate > 0 && !final ? $", ETA {TimeSpan.FromSeconds((total - done) / rate):hh\\:mm\\:ss}" : "";
        var text = $"{what}: {done:N0}{share} {unit}{detail}, {rate:N0} {unit}/s{eta}";
        if (_terminal)
        {
            Console.Error.Write($"\r{text}   {(final ? "\n" : "")}");
        }
        else
        {
            Console.Error.WriteLine(text);
        }
    }
}
