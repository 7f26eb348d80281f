using System.Text;
using Vectra.Journal.Records;

namespace Vectra.Runner.Simulation;

/// <summary>
/// The <c>reconnect</c> fault: once, 90 s of virtual time into the session, the connection drops for
/// 5 s. The frames sent meanwhile are lost, and the recording holds what the capture journals in that
/// case: <c>$connection.close</c>, <c>$connection.retry</c> and <c>$connection.open</c>, with every
/// later frame on connection 2.
/// </summary>
internal sealed class ReconnectGap(long sessionStart)
{
    private static readonly long DropAfter = (long)TimeSpan.FromSeconds(90).TotalMicroseconds;
    private static readonly long Blind = (long)TimeSpan.FromSeconds(5).TotalMicroseconds;

    private readonly long _dropAt = sessionStart + DropAfter;
    private bool _dropped;

    /// <summary>The records one frame becomes: itself, nothing (lost while blind), or the reconnect's records then itself.</summary>
    public IEnumerable<(long Ts, int Conn, string Event, byte[] Args)> Pass(long ts, string eventName, byte[] args)
    {
        if (ts < _dropAt)
        {
            yield return (ts, FeedSimulator.Connection, eventName, args);
            yield break;
        }
        if (ts < _dropAt + Blind)
        {
            if (!_dropped)
            {
                _dropped = true;
                yield return (_dropAt, 1, SystemEvents.ConnectionClose, Json("""[{"reason":"transport close"}]"""));
                yield return (_dropAt + 1_000, 2, SystemEvents.ConnectionRetry, Json("""[{"attempt":1,"delayMs":4999,"error":null}]"""));
            }
            yield break;
        }
        if (_dropped)
        {
            _dropped = false;
            yield return (_dropAt + Blind, 2, SystemEvents.ConnectionOpen, Json("""[{"url":"https://backend.rugs.fun","sid":"sim-reconnected"}]"""));
        }
        yield return (ts, 2, eventName, args);
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The session's start in µs, for <paramref name="options"/>.</summary>
    public static ReconnectGap For(SimulationOptions options) => new(MetaTime.FromDateTimeOffset(options.Start));
}
