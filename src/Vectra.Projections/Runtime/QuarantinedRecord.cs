namespace Vectra.Projections.Runtime;

/// <summary>A record a projection could not process, kept aside with the error instead of stopping anything.</summary>
public sealed record QuarantinedRecord(string Projection, long Seq, string Event, string Error);
