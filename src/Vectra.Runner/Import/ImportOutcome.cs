namespace Vectra.Runner.Import;

/// <summary>What <c>vectra import</c> did with a file.</summary>
internal enum ImportOutcome
{
    /// <summary>Its records and an <c>$import</c> record were appended.</summary>
    Imported,

    /// <summary>A file with the same sha256 was imported before; nothing was appended.</summary>
    AlreadyImported,

    /// <summary>Found in a folder, but no known recording format (e.g. an analysis file); left alone.</summary>
    NotARecording,
}
