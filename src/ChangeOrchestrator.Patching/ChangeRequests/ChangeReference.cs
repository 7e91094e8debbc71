namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Where a change lives: the desk's name, the number people use (CHG0030001, ITOPS-12) and, when known, the desk's
/// internal id (ServiceNow sys_id, Jira issue id), which survives renumbering.
/// </summary>
public sealed record ChangeReference(string Desk, string Number, string? Id = null)
{
    public override string ToString() => $"{Desk}:{Number}";
}
