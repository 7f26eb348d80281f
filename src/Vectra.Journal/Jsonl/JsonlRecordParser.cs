using System.Text.Json;
using Vectra.Journal.Records;

namespace Vectra.Journal.Jsonl;

/// <summary>Parses one line of the journal JSONL format back into a record, keeping <c>args</c> byte for byte.</summary>
public static class JsonlRecordParser
{
    /// <summary>The record on <paramref name="line"/>, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static JournalRecord? TryParse(ReadOnlySpan<byte> line, out string? error)
    {
        error = null;
        long? seq = null, ts = null;
        Guid? session = null;
        int? conn = null;
        string? source = null, eventName = null;
        byte[]? args = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "the line is not a JSON object";
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "meta_seq": seq = reader.GetInt64(); break;
                    case "meta_ts":
                        if (!MetaTime.TryParseIso(reader.GetString(), out var micros))
                        {
                            error = "meta_ts is not an ISO-8601 UTC time with at most microsecond precision";
                            return null;
                        }
                        ts = micros;
                        break;
                    case "meta_session": session = reader.GetGuid(); break;
                    case "meta_conn": conn = reader.GetInt32(); break;
                    case "meta_source": source = reader.GetString(); break;
                    case "event": eventName = reader.GetString(); break;
                    case "args":
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            error = "args is not a JSON array";
                            return null;
                        }
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        args = line[start..(int)reader.BytesConsumed].ToArray();
                        break;
                    case "args_text":
                        args = System.Text.Encoding.UTF8.GetBytes(reader.GetString()!);
                        Records.ArgsValidation.CheckArgs(args);
                        break;
                    default: reader.Skip(); break;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = "the line holds more than one JSON object";
                return null;
            }
        }
        catch (Errors.JournalInputException e)
        {
            error = e.Message;
            return null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            error = $"the line is not valid JSON ({e.Message})";
            return null;
        }
        var missing = new[]
        {
            (seq is null, "meta_seq"), (ts is null, "meta_ts"), (session is null, "meta_session"), (conn is null, "meta_conn"),
            (source is null, "meta_source"), (eventName is null, "event"), (args is null, "args"),
        }.Where(f => f.Item1).Select(f => f.Item2).ToArray();
        if (missing.Length > 0)
        {
            error = $"the line lacks {string.Join(", ", missing)}";
            return null;
        }
        return new JournalRecord(seq!.Value, ts!.Value, session!.Value, conn!.Value, source!, eventName!, args!);
    }
}
