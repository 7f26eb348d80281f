using System.Text.Json;

namespace Vectra.Runner.Import;

/// <summary>
/// REPLAYER recordings: per-game tick logs (<c>game_*.jsonl</c>), session logs (<c>session_*.jsonl</c>)
/// and RecorderSink files. They hold derived ticks, not raw frames, so each line is journaled as it is:
/// event <c>replayer/&lt;type&gt;</c> with args <c>[&lt;the line's object verbatim&gt;]</c>; a RecorderSink
/// <c>{"_metadata":…}</c> line is <c>replayer/metadata</c>. See README, "Importing legacy recordings", for
/// the events and their fields.
/// </summary>
internal sealed class ReplayerImporter : LineRecordingImporter
{
    /// <summary>The prefix of every event this importer writes.</summary>
    public const string EventPrefix = "replayer/";

    /// <inheritdoc/>
    public override ImportFormat Format => ImportFormat.Replayer;

    /// <inheritdoc/>
    protected override bool TryImport(ReadOnlySpan<byte> line, ImportedFile file)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        string? type = null;
        RecordedTime? time = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                time ??= RawJson.TimeOf(ref reader);
                reader.Skip();
            }
            else if (reader.ValueTextEquals("_metadata"u8))
            {
                type ??= "metadata";
                reader.Read();
                time ??= StartTimeOf(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.Read() || string.IsNullOrEmpty(type) || time is null)
        {
            return false;
        }
        file.AddFeed(EventPrefix + type, FrameArgs.Wrap(line), file.Clock.ToMetaTs(time.Value));
        return true;
    }

    /// <summary>The <c>start_time</c> inside a RecorderSink <c>_metadata</c> object; leaves the reader after the object.</summary>
    private static RecordedTime? StartTimeOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        RecordedTime? time = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStart = reader.ValueTextEquals("start_time"u8);
            reader.Read();
            if (isStart)
            {
                time = RawJson.TimeOf(ref reader);
            }
            reader.Skip();
        }
        return time;
    }
}
