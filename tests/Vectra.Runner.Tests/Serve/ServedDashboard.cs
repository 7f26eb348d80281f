namespace Vectra.Runner.Tests.Serve;

/// <summary>The dashboard tests share one served session (simulate + replay + serve, made once) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ServedDashboard : ICollectionFixture<ServedSession>
{
    public const string Name = "Dashboard";
}
