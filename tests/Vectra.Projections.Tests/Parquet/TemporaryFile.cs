namespace Vectra.Projections.Tests.Parquet;

/// <summary>A uniquely named file in the temp folder, deleted on dispose.</summary>
public sealed class TemporaryFile : IDisposable
{
    public TemporaryFile(string extension = ".parquet") =>
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"vectra-{Guid.NewGuid():N}{extension}");

    public string Path { get; }

    public void Dispose()
    {
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }
}
