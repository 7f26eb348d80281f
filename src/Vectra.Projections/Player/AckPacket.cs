using System.Text.Json;
using Vectra.Journal.Records;

namespace Vectra.Projections.Player;

/// <summary>The server's answer to a sent packet, read from a <c>$cdp.ack</c> record: <c>{direction, ackId, args:[{success, reason?, tradeId?…}]}</c>.</summary>
internal sealed record AckPacket(long AckId, bool? Success, string? Reason, string? TradeId)
{
    /// <summary>Reads the ack; one without an integer <c>ackId</c> throws (the record is quarantined).</summary>
    public static AckPacket Read(JournalRecord record)
    {
        using var payload = PlayerPayload.RequiredObject(record);
        var root = payload.RootElement;
        var ackId = PlayerPayload.Integer(root, "ackId") ?? throw new InvalidDataException($"{SystemEvents.CdpAck}: no integer ackId.");
        var answer = PlayerPayload.Member(root, "args") is { ValueKind: JsonValueKind.Array } args && args.GetArrayLength() > 0 ? args[0] : default;
        var reason = PlayerPayload.Text(answer, "reason") ?? PlayerPayload.Text(answer, "error") ?? PlayerPayload.Text(answer, "message");
        return new AckPacket(ackId, PlayerPayload.Bool(answer, "success"), reason, PlayerPayload.Text(answer, "tradeId"));
    }
}
