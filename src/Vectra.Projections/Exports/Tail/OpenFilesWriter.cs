using Vectra.Projections.Exports.Files;
using Vectra.Projections.Exports.Writing;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// Rewrites one export type's open tail files from the open part's rows and from row sources (SQL giving a seq, the
/// UTC day, then the schema's columns): one file per UTC day, named after its first row's seq, each written to a temporary name and renamed; then every
/// other open or temporary file of the type is deleted. Readers always see either the old or the new tail of a day.
/// </summary>
internal sealed class OpenFilesWriter(ExportPaths paths, ExportSchema schema, ExportWriterOptions options)
{
    public void Write(ViewsTransaction views, TailPart open, Action<ExportFileWriter> writeOpenRows, IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)> sources)
    {
        var days = new SortedDictionary<long, OpenDayFile>();
        var copier = new ExportRowCopier(schema, 2);
        try
        {
            if (open.Rows > 0)
            {
                var file = new OpenDayFile(paths.Open(open.Day, open.FirstSeq), open.FirstSeq, schema, options);
                days[open.Day] = file;
                writeOpenRows(file.Writer);
            }
            foreach (var (sql, parameters) in sources)
            {
                views.Query(sql, r =>
                {
                    var day = r.GetInt64(1);
                    if (!days.TryGetValue(day, out var file))
                    {
                        file = new OpenDayFile(paths.Open(day, r.GetInt64(0)), r.GetInt64(0), schema, options);
                        days[day] = file;
                    }
                    copier.Copy(r, file.Writer);
                }, parameters);
            }
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (day, file) in days)
            {
                file.Finish();
                written.Add(paths.Open(day, file.FirstSeq));
            }
            foreach (var stale in paths.OpenAndTemporaryFiles().Where(f => !written.Contains(f)).ToList())
            {
                File.Delete(stale);
            }
        }
        finally
        {
            foreach (var file in days.Values)
            {
                file.Dispose();
            }
        }
    }

    private sealed class OpenDayFile : IDisposable
    {
        private readonly DurableFile _file;

        public OpenDayFile(string path, long firstSeq, ExportSchema schema, ExportWriterOptions options)
        {
            _file = new DurableFile(path);
            Writer = new ExportFileWriter(_file.Stream, schema, options);
            FirstSeq = firstSeq;
        }

        public ExportFileWriter Writer { get; }

        public long FirstSeq { get; }

        public void Finish()
        {
            Writer.Finish();
            _file.Commit();
        }

        public void Dispose()
        {
            Writer.Dispose();
            _file.Dispose();
        }
    }
}
