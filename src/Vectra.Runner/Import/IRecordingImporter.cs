namespace Vectra.Runner.Import;

/// <summary>Reads one legacy recording format into journal records.</summary>
internal interface IRecordingImporter
{
    /// <summary>The format this importer reads.</summary>
    ImportFormat Format { get; }

    /// <summary>Reads a whole file's bytes into <paramref name="file"/>, counting and skipping what cannot be read.</summary>
    void Read(ReadOnlySpan<byte> content, ImportedFile file);
}
