namespace Vectra.Projections.Runtime;

/// <summary>
/// A projection that also keeps files holding its not-yet-final rows (the "open" tail of an export). They are
/// derived views, not results: the runner asks for them after catching up, while following, and on stop.
/// </summary>
public interface IOpenFilesProjection
{
    /// <summary>
    /// Rewrites the open files if they are out of date: always when <paramref name="force"/> (end of a catch-up, stop),
    /// otherwise at most once per the projection's interval of journal time.
    /// </summary>
    void WriteOpenFiles(ViewsTransaction views, bool force);
}
