namespace Vectra.Journal;

/// <summary>When an append counts as acknowledged: the journal's durability policy.</summary>
public sealed record Durability
{
    private Durability(string name, bool groupsCommits, bool syncsEachCommit)
    {
        Name = name;
        GroupsCommits = groupsCommits;
        SyncsEachCommit = syncsEachCommit;
    }

    /// <summary>Each append is its own fsynced transaction before it is acknowledged.</summary>
    public static Durability Always { get; } = new("always", groupsCommits: false, syncsEachCommit: true);

    /// <summary>Group commit: appends waiting together share one fsynced transaction; each is acknowledged after it.</summary>
    public static Durability Batch { get; } = new("batch", groupsCommits: true, syncsEachCommit: true);

    /// <summary>Bulk import and benchmarks: commits are not fsynced; everything is made durable when the writer closes.</summary>
    public static Durability None { get; } = new("none", groupsCommits: true, syncsEachCommit: false);

    /// <summary>The policy's name on the command line and in <c>status</c>.</summary>
    public string Name { get; }

    /// <summary>Whether appends that wait together are committed in one transaction.</summary>
    public bool GroupsCommits { get; }

    /// <summary>Whether every commit is fsynced before it is acknowledged.</summary>
    public bool SyncsEachCommit { get; }

    /// <summary>The policy with that name, or null.</summary>
    public static Durability? TryParse(string? name) => name?.ToLowerInvariant() switch
    {
        "always" => Always,
        "batch" => Batch,
        "none" => None,
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => Name;
}
