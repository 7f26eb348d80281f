using Vectra.Journal.Reading;
using Vectra.Journal.Storage;

namespace Vectra.Runner.Serve.Caching;

/// <summary>
/// One journal reader kept open for the whole dashboard (the Now page, <c>/readyz</c>, the metrics' gauges), so that
/// none of them opens journal.db per request. Calls take turns on it.
/// </summary>
/// <remarks>
/// The reader is opened anew when journal.db's size or write time changed since it was opened (see
/// <see cref="FileIdentity"/>), so a replaced journal is never read through a stale handle.
/// Failure policy: a read that fails closes the reader and passes the error on; the next call opens it again.
/// </remarks>
internal sealed class JournalFollower(string dataDirectory) : IDisposable
{
    private readonly JournalFiles _files = new(dataDirectory);
    private readonly Lock _gate = new();
    private JournalReader? _reader;
    private FileIdentity _file;

    /// <summary>
    /// Runs <paramref name="read"/> on the kept-open reader and returns what it made; null when there is no journal.
    /// <paramref name="read"/> must not return anything still reading the journal (materialise lazy sequences).
    /// </summary>
    public T? Read<T>(Func<JournalReader, T> read)
        where T : class
    {
        lock (_gate)
        {
            if (FileIdentity.Of(_files.Database) is not { } file)
            {
                Forget();
                return null;
            }
            if (_reader is null || file != _file)
            {
                Forget();
                _reader = JournalReader.Open(dataDirectory);
                _file = file;
            }
            try
            {
                return read(_reader);
            }
            catch
            {
                Forget();
                throw;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            Forget();
        }
    }

    private void Forget()
    {
        _reader?.Dispose();
        _reader = null;
    }
}
