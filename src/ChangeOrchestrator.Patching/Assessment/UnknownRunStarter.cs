namespace ChangeOrchestrator.Patching.Assessment;

/// <summary>The lookup of a host without an audit trail: nobody is known to have started a run.</summary>
internal sealed class UnknownRunStarter : IRunStarterLookup
{
    public Task<string?> StartedByAsync(string instanceId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
