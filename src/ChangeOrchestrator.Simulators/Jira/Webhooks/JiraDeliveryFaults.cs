namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>What goes wrong with one delivery.</summary>
internal sealed record JiraDeliveryFaults(bool Drop, bool Duplicate, bool WrongSignature, bool MissingSignature, bool OutOfOrder)
{
    public static readonly JiraDeliveryFaults None = new(false, false, false, false, false);
}
