using ChangeOrchestrator.Patching.Assessment;
using ChangeOrchestrator.Persistence.Audit;

namespace ChangeOrchestrator.Server.Audit;

/// <summary>
/// Who started a run, from the audit trail's successful <c>instance.start</c> entry for it (the API, the console
/// and webhook start rules all write one). A run started otherwise has no starter on record.
/// </summary>
internal sealed class AuditedRunStarter(IAuditLog log) : IRunStarterLookup
{
    public async Task<string?> StartedByAsync(string instanceId, CancellationToken cancellationToken)
    {
        var page = await log.QueryAsync(new AuditQuery { Action = "instance.start", ObjectType = "instance", ObjectId = instanceId, Limit = 10 }, cancellationToken);
        return page.Items.FirstOrDefault(e => e.Outcome is >= 200 and < 300)?.Actor;
    }
}
