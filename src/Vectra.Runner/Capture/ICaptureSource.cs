namespace Vectra.Runner.Capture;

/// <summary>
/// Where a capture's frames come from, one attempt at a time: a direct Socket.IO connection
/// (<see cref="FeedConnection"/>) or a page of a browser the capture attaches to (<see cref="Cdp.CdpConnection"/>).
/// Both put their records on the same queue; the <see cref="CaptureService"/> retries them under one policy.
/// </summary>
internal interface ICaptureSource
{
    /// <summary>The number of the last connection this attempt opened (journaled <c>$connection.open</c>); 0 when it opened none.</summary>
    int LastOpened { get; }

    /// <summary>Whether the attempt reached the feed (a joined connection, an attached page): the next retry starts fast again.</summary>
    bool Reached { get; }

    /// <summary>
    /// Runs until the attempt ends, by throwing <see cref="ConnectionEndedException"/> (with <c>WasOpen</c>
    /// when connection <see cref="LastOpened"/> is still open and its <c>$connection.close</c> is the caller's to journal)
    /// or by cancellation; never normally.
    /// </summary>
    Task RunAsync(CancellationToken stopping);
}
