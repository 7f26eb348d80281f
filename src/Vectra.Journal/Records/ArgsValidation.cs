using System.Text.Json;
using Vectra.Journal.Errors;

namespace Vectra.Journal.Records;

/// <summary>Checks what a record must be before it may enter the journal.</summary>
public static class ArgsValidation
{
    /// <summary>Throws <see cref="JournalInputException"/> unless the record can be stored and read back unchanged.</summary>
    public static void Check(NewRecord record)
    {
        CheckText(record.Event, "event name");
        CheckText(record.Source, "source");
        if (record.Source.Length == 0)
        {
            throw new JournalInputException("a record needs a source (live, replay, simulate or import:<format>).");
        }
        CheckArgs(record.Args);
    }

    /// <summary><see cref="Check(NewRecord)"/> for every record of an append.</summary>
    public static void CheckAll(IReadOnlyList<NewRecord> records)
    {
        foreach (var record in records)
        {
            Check(record);
        }
    }

    /// <summary>Throws unless <paramref name="args"/> is exactly one JSON array (whitespace around it allowed).</summary>
    public static void CheckArgs(ReadOnlySpan<byte> args)
    {
        try
        {
            var reader = new Utf8JsonReader(args, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JournalInputException("args must be a JSON array (the frame's arguments); got something else.");
            }
            reader.Skip();
            if (reader.Read())
            {
                throw new JournalInputException("args must be a single JSON array; found more after it.");
            }
        }
        catch (JsonException e)
        {
            throw new JournalInputException($"args is not valid JSON: {e.Message}");
        }
    }

    private static void CheckText(string text, string what)
    {
        if (HasLoneSurrogate(text))
        {
            throw new JournalInputException($"the {what} is not well-formed Unicode (it holds a lone surrogate) and could not be stored unchanged.");
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }
                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return true;
            }
        }
        return false;
    }
}
