using Microsoft.Data.Sqlite;
using Vectra.Projections.Runtime;
using Vectra.Runner.Serve.Data;

namespace Vectra.Runner.Serve.Caching;

/// <summary>
/// One read-only connection to views.db kept open for the whole dashboard, telling whether views.db changed since a
/// page was rendered (<see cref="Stamp"/>) and answering the live feed's small queries, so that neither opens views.db
/// per request or per poll.
/// </summary>
/// <remarks>
/// <c>PRAGMA data_version</c> changes whenever another connection commits, but not when the file is replaced (a
/// rebuild deletes views.db and makes a new one), so the follower also watches the file's size and write time and
/// opens it anew when they change (a rebuild, or a checkpoint copying the log into it).
/// Failure policy: a views.db that cannot be read gives no stamp (pages are then rendered every time); the next call tries again.
/// </remarks>
internal sealed class ViewsFollower(string dataDirectory) : IDisposable
{
    private readonly string _path = new ViewsFiles(dataDirectory).Database;
    private readonly Lock _gate = new();
    private ViewsConnection? _views;
    private FileIdentity _file;
    private long _opened;

    /// <summary>The state of views.db now, or null when there is none (or it cannot be read).</summary>
    public ViewsStamp? Stamp()
    {
        lock (_gate)
        {
            try
            {
                return Follow() is { } views ? new ViewsStamp(_opened, views.DataVersion()) : null;
            }
            catch (SqliteException)
            {
                Forget(); // damaged or replaced under it: render from the file itself, follow it anew next time
                return null;
            }
        }
    }

    /// <summary>Runs <paramref name="query"/> on the kept-open connection; the default of <typeparamref name="T"/> when there is no views.db.</summary>
    public T? Read<T>(Func<ViewsConnection, T> query)
    {
        lock (_gate)
        {
            if (Follow() is not { } views)
            {
                return default;
            }
            try
            {
                views.DataVersion(); // forgets the tables known before a commit that may have made one
                return query(views);
            }
            catch (SqliteException)
            {
                Forget();
                throw;
            }
        }
    }

    /// <summary>Every projection's state read on the kept-open connection (see <see cref="ViewsConnection.ProjectionStates"/>); empty without views.db.</summary>
    public IReadOnlyList<ProjectionState> ProjectionStates(long journalTail) => Read(views => views.ProjectionStates(journalTail)) ?? [];

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _views?.Dispose();
            _views = null;
        }
    }

    private ViewsConnection? Follow()
    {
        if (FileIdentity.Of(_path) is not { } file)
        {
            Forget();
            return null;
        }
        if (_views is null || file != _file)
        {
            Forget();
            try
            {
                _views = ViewsConnection.TryOpen(dataDirectory);
            }
            catch (SqliteException)
            {
                return null;
            }
            _file = file;
            _opened++;
        }
        return _views;
    }

    private void Forget()
    {
        _views?.Dispose();
        _views = null;
    }
}
