using Vectra.Projections.Exports.Files;
using Vectra.Projections.Parquet;
using Vectra.Projections.Runtime;

namespace Vectra.Projections.Exports.Tail;

/// <summary>
/// Rewrites one export type's open tail files from row sources (SQL shaped like <see cref="ExportTail.SelectColumns"/>):
/// one file per UTC day, named after its first row's seq, each written to a temporary name and renamed; then every
/// other open or temporary file of the type is deleted. Readers always see either the old or the new tail of a day.
/// </summary>
internal sealed class OpenFilesWriter(ExportPaths paths, ParquetSchema schema)
{
    public void Write(ViewsTransaction views, IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)> sources)
    {
        var days = new SortedDictionary<long, OpenDayFile>();
        try
        {
            foreach (var (sql, parameters) in sources)
            {
                views.Query(sql, r =>
                {
                    var day = r.GetInt64(1);
                    if (!days.TryGetValue(day, out var file))
                    {
                        file = new OpenDayFile(Path.Combine(paths.DayDirectory(day), "open-writing.tmp"), r.GetInt64(0), schema);
                        days[day] = file;
                    }
                    ExportRowCopier.Copy(r, 2, schema, file.Writer);
                }, parameters);
            }
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (day, file) in days)
            {
                var path = paths.Open(day, file.FirstSeq);
                file.Finish(path);
                written.Add(path);
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
        private readonly string _temporary;
        private readonly FileStream _stream;

        public OpenDayFile(string temporary, long firstSeq, ParquetSchema schema)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
            _temporary = temporary;
            _stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            Writer = new ParquetFileWriter(_stream, schema);
            FirstSeq = firstSeq;
        }

        public ParquetFileWriter Writer { get; }

        public long FirstSeq { get; }

        public void Finish(string path)
        {
            Writer.Finish();
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(_temporary, path, overwrite: true);
        }

        public void Dispose()
        {
            Writer.Dispose();
            _stream.Dispose();
        }
    }
}
