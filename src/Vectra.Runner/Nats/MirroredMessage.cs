using System.Globalization;
using NATS.Client.Core;
using Vectra.Journal.Records;

namespace Vectra.Runner.Nats;

/// <summary>One stream message as the mirror reads it: the runner's record (headers and raw args) and its stream sequence.</summary>
internal sealed record MirroredMessage(ulong StreamSeq, string Runner, long LocalSeq, NewRecord Record)
{
    public bool IsFrame => !Record.Event.StartsWith('$');

    /// <summary>Reads the message's headers; null when it was not published by <c>capture --publish</c>.</summary>
    public static MirroredMessage? TryRead(ulong streamSeq, NatsHeaders? headers, byte[]? data)
    {
        if (headers is null || data is null
            || !Header(headers, StreamLayout.RunnerHeader, out var runner)
            || !Header(headers, StreamLayout.EventHeader, out var eventName)
            || !Header(headers, StreamLayout.TsHeader, out var ts) || !long.TryParse(ts, CultureInfo.InvariantCulture, out var micros)
            || !Header(headers, StreamLayout.SeqHeader, out var seq) || !long.TryParse(seq, CultureInfo.InvariantCulture, out var localSeq)
            || !Header(headers, StreamLayout.SessionHeader, out var session) || !Guid.TryParse(session, out var sessionId)
            || !Header(headers, StreamLayout.ConnHeader, out var conn) || !int.TryParse(conn, CultureInfo.InvariantCulture, out var connection))
        {
            return null;
        }
        var record = new NewRecord(eventName, data, micros, sessionId, connection, $"mirror:{runner}");
        try
        {
            ArgsValidation.Check(record);
        }
        catch (Vectra.Journal.Errors.JournalInputException)
        {
            return null;
        }
        return new MirroredMessage(streamSeq, runner, localSeq, record);
    }

    private static bool Header(NatsHeaders headers, string name, out string value)
    {
        value = headers.TryGetValue(name, out var values) ? values.ToString() : "";
        return value.Length > 0;
    }
}
