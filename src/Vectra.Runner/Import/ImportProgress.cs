using System.Diagnostics;

namespace Vectra.Runner.Import;

/// <summary>A progress line on stderr while importing: files done of all, lines read; redrawn in place on a terminal, every few seconds otherwise.</summary>
internal sealed class ImportProgress(int totalFiles)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private TimeSpan _lastDrawn = TimeSpan.Zero;
    private long _lines;
    private int _files;

    /// <summary>Counts one file finished and the lines read from it.</summary>
    public void FileDone(long lines)
    {
        _files++;
        _lines += lines;
        var interval = _terminal ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
        if (_clock.Elapsed - _lastDrawn >= interval || _files == totalFiles)
        {
            _lastDrawn = _clock.Elapsed;
            Draw(final: false);
        }
    }

    /// <summary>Draws the last line.</summary>
    public void Finish() => Draw(final: true);

    private void Draw(bool final)
    {
        var rate = _lines / Math.Max(_clock.Elapsed.TotalSeconds, 1e-6);
        var text = $"import: {_files:N0} / {totalFiles:N0} files, {_lines:N0} lines, {rate:N0} lines/s";
        if (_terminal)
        {
            Console.Error.Write($"\r{text}   {(final ? "\n" : "")}");
        }
        else if (final || _files < totalFiles)
        {
            Console.Error.WriteLine(text);
        }
    }
}
