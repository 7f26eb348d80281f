namespace Vectra.Projections.Runtime;

/// <summary>
/// A projection that reads another projection's state for the same record in the same transaction, so the two
/// must be applied over the same records: resetting this one resets its upstream too.
/// </summary>
public interface IUpstreamProjection
{
    /// <summary>The name of the projection whose state this one reads.</summary>
    string Upstream { get; }
}
