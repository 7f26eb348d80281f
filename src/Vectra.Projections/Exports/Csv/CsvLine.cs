using System.Globalization;
using System.Text;

namespace Vectra.Projections.Exports.Csv;

/// <summary>One RFC 4180 line: fields separated by commas, quoted when they hold a comma, quote or line break; null is an empty field.</summary>
internal sealed class CsvLine
{
    private readonly StringBuilder _line = new();
    private bool _started;

    public CsvLine Add(string? value)
    {
        if (_started)
        {
            _line.Append(',');
        }
        _started = true;
        if (value is not null)
        {
            _line.Append(value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
        }
        return this;
    }

    public CsvLine Add(double? value) => Add(value?.ToString("R", CultureInfo.InvariantCulture));

    public CsvLine Add(long? value) => Add(value?.ToString(CultureInfo.InvariantCulture));

    public CsvLine Add(bool? value) => Add(value is null ? null : value.Value ? "true" : "false");

    /// <summary>A µs timestamp as ISO-8601 UTC with milliseconds.</summary>
    public CsvLine AddTime(long? micros) =>
        Add(micros is { } us ? DateTimeOffset.UnixEpoch.AddTicks(us * TimeSpan.TicksPerMicrosecond).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : null);

    public string End()
    {
        var text = _line.Append("\r\n").ToString();
        _line.Clear();
        _started = false;
        return text;
    }
}
