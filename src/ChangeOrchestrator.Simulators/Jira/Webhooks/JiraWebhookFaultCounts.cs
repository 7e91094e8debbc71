namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>How many of the next deliveries each fault hits (the control API's body and answer).</summary>
internal sealed record JiraWebhookFaultCounts(int Drop, int Duplicate, int WrongSignature, int MissingSignature, int OutOfOrder)
{
    public static readonly JiraWebhookFaultCounts None = new(0, 0, 0, 0, 0);
}
