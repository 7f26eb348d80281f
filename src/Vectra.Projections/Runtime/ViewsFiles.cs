namespace Vectra.Projections.Runtime;

/// <summary>Where the derived outputs live inside a data folder. All of it can be deleted and rebuilt from the journal.</summary>
public sealed record ViewsFiles(string DataDirectory)
{
    /// <summary>The SQLite database of projection tables, checkpoints and quarantined records.</summary>
    public string Database => Path.Combine(DataDirectory, "views.db");

    /// <summary>The lock held by the one process that runs projections.</summary>
    public string LockFile => Path.Combine(DataDirectory, "views.lock");

    /// <summary>Who runs projections right now.</summary>
    public string OwnerFile => Path.Combine(DataDirectory, "views.owner");

    /// <summary>The Parquet exports.</summary>
    public string Exports => Path.Combine(DataDirectory, "exports");
}
