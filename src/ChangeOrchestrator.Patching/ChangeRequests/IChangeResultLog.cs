namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Where closed changes are kept for the change-success report. The compliance history implements it; closing a
/// change needs only this, not the history's other records.
/// </summary>
public interface IChangeResultLog
{
    /// <summary>Records a closed change once per workflow instance.</summary>
    Task RecordChangeAsync(ChangeResult result, CancellationToken cancellationToken);
}
