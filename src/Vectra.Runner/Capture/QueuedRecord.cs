using Vectra.Journal.Records;

namespace Vectra.Runner.Capture;

/// <summary>A record waiting for the journal, and whether it is a received frame (which counts against the queue's capacity) or a system record.</summary>
internal readonly record struct QueuedRecord(NewRecord Record, bool IsFrame);
