using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vectra.Runner.Simulation;

/// <summary>Builds one frame's <c>args</c> array (optionally led by a trace object) with a reused buffer and writer.</summary>
internal sealed class ArgsBuilder : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _json;

    public ArgsBuilder() => _json = new Utf8JsonWriter(_buffer, Options);

    /// <summary>Starts <c>[</c>, with <c>{"__trace":true,"traceparent":…}</c> first when <paramref name="traceparent"/> is given; returns the writer for the payload.</summary>
    public Utf8JsonWriter Begin(string? traceparent = null)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartArray();
        if (traceparent is not null)
        {
            _json.WriteStartObject();
            _json.WriteBoolean("__trace"u8, true);
            _json.WriteString("traceparent"u8, traceparent);
            _json.WriteEndObject();
        }
        return _json;
    }

    /// <summary>Closes the array and returns its bytes.</summary>
    public byte[] End()
    {
        _json.WriteEndArray();
        _json.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public void Dispose() => _json.Dispose();
}
