namespace Vectra.Projections.CaptureHealth;

/// <summary>One capture session's row in <c>capture_sessions</c> while records are applied.</summary>
internal sealed class CaptureSessionState(Guid session)
{
    public Guid Session { get; } = session;
    public string Source { get; set; } = "";
    public long? StartedAt { get; set; }
    public long? StoppedAt { get; set; }
    public bool? Clean { get; set; }
    public long FirstSeq { get; set; } = long.MaxValue;
    public long LastSeq { get; set; }
    public long LastTs { get; set; }
    public bool Connected { get; set; }

    /// <summary>Since when this session has been without an open connection, or null while connected.</summary>
    public long? BlindSince { get; set; }

    /// <summary>Why it is blind (the close reason, "connecting", or a crash of the previous session).</summary>
    public string? BlindReason { get; set; }

    public bool Dirty { get; set; }

    public bool Running => StartedAt is not null && StoppedAt is null && Clean is null;
}
