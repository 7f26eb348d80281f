namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>What one record of the shim's log says the child did; the values are those of <c>file_operation_recorder.c</c>.</summary>
internal enum FileOperationKind
{
    /// <summary>A file that did not exist was created (logged after the open succeeded).</summary>
    Create = 1,

    /// <summary>Bytes written at an offset (logged, with the bytes, before the write ran).</summary>
    Write = 2,

    /// <summary>The write just logged stored only <c>Length</c> bytes.</summary>
    WriteShort = 3,

    /// <summary>The file's size set to <c>Offset</c> (logged before it ran).</summary>
    Truncate = 4,

    /// <summary>fsync or fdatasync of the file returned success.</summary>
    Sync = 5,

    /// <summary>fsync of the data folder itself returned success: its entries as of now are durable.</summary>
    DirectorySync = 6,

    /// <summary>The file's name was removed (logged after the unlink succeeded).</summary>
    Unlink = 7,

    /// <summary>Bytes the child wrote to its stdout, where it prints its acks (logged before the write).</summary>
    Output = 8,
}
