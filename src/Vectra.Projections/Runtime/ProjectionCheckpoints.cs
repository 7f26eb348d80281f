using Vectra.Projections.Runtime.Stages;

namespace Vectra.Projections.Runtime;

/// <summary>
/// The last seq each of a runner's projections applied, as committed: read from <c>projection_checkpoints</c> on open
/// (a projection whose stored version differs from its code's is reset to 0, with its upstreams), moved in memory only
/// after the transaction that wrote them commits.
/// </summary>
internal sealed class ProjectionCheckpoints
{
    private readonly IReadOnlyList<ProjectionStage> _stages;
    private readonly long[] _seqs;

    private ProjectionCheckpoints(IReadOnlyList<ProjectionStage> stages)
    {
        _stages = stages;
        _seqs = new long[stages.Count];
    }

    /// <summary>The lowest checkpoint: every record after it is still to be applied by some projection.</summary>
    public long Min => _seqs.Min();

    /// <summary>The checkpoints of <paramref name="stages"/> as stored; stale projections are reset.</summary>
    public static ProjectionCheckpoints Open(ViewsDatabase database, IReadOnlyList<ProjectionStage> stages)
    {
        var checkpoints = new ProjectionCheckpoints(stages);
        var stored = new Dictionary<string, (int Version, long Seq)>();
        using (var command = database.Connection.CreateCommand())
        {
            command.CommandText = "SELECT name, version, seq FROM projection_checkpoints";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stored[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt64(2));
            }
        }
        var stale = checkpoints.WithUpstreams(stages
            .Select(s => s.Projection)
            .Where(p => !stored.TryGetValue(p.Name, out var known) || known.Version != p.Version)
            .Select(p => p.Name));
        var views = database.Begin();
        using var tx = views.Transaction;
        for (var i = 0; i < stages.Count; i++)
        {
            var projection = stages[i].Projection;
            if (!stale.Contains(projection.Name))
            {
                projection.Create(views);
                checkpoints._seqs[i] = stored[projection.Name].Seq;
            }
            else
            {
                checkpoints.Reset(i, views);
            }
        }
        tx.Commit();
        return checkpoints;
    }

    /// <summary>True when projection <paramref name="index"/> has applied <paramref name="seq"/>; safe to ask from the read-ahead thread.</summary>
    public bool Passed(int index, long seq) => seq <= Volatile.Read(ref _seqs[index]);

    /// <summary>Drops and recreates the named projections (all when null) with their upstreams, at checkpoint 0.</summary>
    public void Reset(IEnumerable<string>? names, ViewsTransaction views)
    {
        var chosen = names is null ? null : WithUpstreams(names);
        for (var i = 0; i < _stages.Count; i++)
        {
            if (chosen is null || chosen.Contains(_stages[i].Projection.Name))
            {
                Reset(i, views);
            }
        }
    }

    /// <summary>Writes every checkpoint moved to <paramref name="last"/> (none moves back) and returns them; they count in memory once <see cref="Committed"/>.</summary>
    public long[] Write(ViewsTransaction views, long last)
    {
        var moved = new long[_seqs.Length];
        for (var i = 0; i < moved.Length; i++)
        {
            moved[i] = Math.Max(_seqs[i], last);
            views.Execute("UPDATE projection_checkpoints SET seq = $seq WHERE name = $name", ("$seq", moved[i]), ("$name", _stages[i].Projection.Name));
        }
        return moved;
    }

    /// <summary>The checkpoints <see cref="Write"/> wrote, once their transaction committed.</summary>
    public void Committed(long[] moved) => moved.CopyTo(_seqs, 0);

    private void Reset(int index, ViewsTransaction views)
    {
        var projection = _stages[index].Projection;
        projection.Drop(views);
        projection.Create(views);
        views.Execute("DELETE FROM projection_errors WHERE projection = $name", ("$name", projection.Name));
        views.Execute(
            "INSERT INTO projection_checkpoints (name, version, seq) VALUES ($name, $version, 0) ON CONFLICT (name) DO UPDATE SET version = excluded.version, seq = 0",
            ("$name", projection.Name), ("$version", projection.Version));
        _seqs[index] = 0;
    }

    /// <summary>The named projections and, transitively, the projections they read (see <see cref="IDownstreamProjection"/>).</summary>
    private HashSet<string> WithUpstreams(IEnumerable<string> names)
    {
        var chosen = names.ToHashSet(StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var stage in _stages)
            {
                if (chosen.Contains(stage.Projection.Name) && stage.Projection is IDownstreamProjection { Upstream: var upstream })
                {
                    grew |= chosen.Add(upstream.Name);
                }
            }
        }
        while (grew);
        return chosen;
    }
}
