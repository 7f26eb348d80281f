namespace Vectra.Runner.Bench;

/// <summary>
/// One line of the long capture benchmark's curve: at <paramref name="Seconds"/> into the run, the capture's resident
/// memory now and at its peak so far, and what it is now (anonymous, file-backed, shared memory; all KB), frames the feed server has sent, the rate since the previous sample, the
/// journal's last durable seq, the frames waiting in the capture's queue, the lowest projection checkpoint (how far the live projections have applied), and the
/// size on disk of the journal (with its write-ahead log), of views.db (with its log) and of the export files, in MB.
/// </summary>
internal sealed record CaptureMemorySample(
    int Seconds, long ResidentKb, long PeakKb, long AnonKb, long FileKb, long ShmemKb, long FramesSent, long FramesPerSecond, long AckedSeq, long Queued, long ProjectedSeq, long JournalMegabytes, long ViewsMegabytes, long ExportsMegabytes);
