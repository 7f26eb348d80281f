using System.Text.Encodings.Web;
using System.Text.Json;
using Vectra.Journal.Records;

namespace Vectra.Journal.Jsonl;

/// <summary>
/// Writes journal records as JSONL, the project's export and recording format: one record per line,
/// keys in the order <c>meta_seq, meta_ts, meta_session, meta_conn, meta_source, event, args</c>,
/// with <c>args</c> copied verbatim. Args that hold a raw line break (legal JSON whitespace between
/// tokens, never produced by Socket.IO servers) would split the line, so those alone are written as a
/// JSON string under <c>args_text</c> in the same position; the parser restores their exact bytes.
/// </summary>
public sealed class JsonlRecordWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to <paramref name="output"/>, which the caller owns.</summary>
    public JsonlRecordWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(output, Options);
    }

    /// <summary>Writes one record and its line break.</summary>
    public void Write(JournalRecord record)
    {
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteNumber("meta_seq"u8, record.Seq);
        _json.WriteString("meta_ts"u8, MetaTime.ToIso(record.Ts));
        _json.WriteString("meta_session"u8, record.Session.ToString("D"));
        _json.WriteNumber("meta_conn"u8, record.Conn);
        _json.WriteString("meta_source"u8, record.Source);
        _json.WriteString("event"u8, record.Event);
        if (record.Args.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') < 0)
        {
            _json.WritePropertyName("args"u8);
            _json.WriteRawValue(record.Args, skipInputValidation: true);
        }
        else
        {
            _json.WriteString("args_text"u8, record.Args);
        }
        _json.WriteEndObject();
        _json.Flush();
        _output.Write(NewLine);
    }

    /// <inheritdoc/>
    public void Dispose() => _json.Dispose();
}
