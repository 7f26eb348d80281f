namespace Vectra.Runner.Serve.Caching;

/// <summary>
/// Which state of views.db a page was rendered from: the file the follower has open (a new one after a rebuild or a
/// checkpoint) and SQLite's <c>data_version</c> on it (a new one after every commit by another connection).
/// </summary>
internal readonly record struct ViewsStamp(long File, long DataVersion);
