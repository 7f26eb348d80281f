using Vectra.Journal.Records;

namespace Vectra.Runner.Capture;

/// <summary>
/// A record waiting for the journal, and whether it is a received frame (which counts against the queue's capacity) or a
/// system record. <paramref name="CaptureNamed"/>: a frame the capture itself named with a system name (a browser capture's
/// <c>$cdp.sent</c>/<c>$cdp.ack</c>), so its <c>$</c> is no feed event to refuse.
/// </summary>
internal readonly record struct QueuedRecord(NewRecord Record, bool IsFrame, bool CaptureNamed = false);
