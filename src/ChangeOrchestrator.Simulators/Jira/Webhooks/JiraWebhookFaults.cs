namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>Faults armed for the next first-attempt deliveries; each delivery consumes one of every armed fault.</summary>
internal sealed class JiraWebhookFaults
{
    private readonly Lock _gate = new();
    private JiraWebhookFaultCounts _counts = JiraWebhookFaultCounts.None;

    public JiraWebhookFaultCounts Counts
    {
        get
        {
            lock (_gate)
            {
                return _counts;
            }
        }
    }

    public void Arm(JiraWebhookFaultCounts counts)
    {
        lock (_gate)
        {
            _counts = new JiraWebhookFaultCounts(
                _counts.Drop + counts.Drop,
                _counts.Duplicate + counts.Duplicate,
                _counts.WrongSignature + counts.WrongSignature,
                _counts.MissingSignature + counts.MissingSignature,
                _counts.OutOfOrder + counts.OutOfOrder);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _counts = JiraWebhookFaultCounts.None;
        }
    }

    public JiraDeliveryFaults Take()
    {
        lock (_gate)
        {
            var c = _counts;
            var faults = new JiraDeliveryFaults(c.Drop > 0, c.Duplicate > 0, c.WrongSignature > 0, c.MissingSignature > 0, c.OutOfOrder > 0);
            _counts = new JiraWebhookFaultCounts(
                Math.Max(0, c.Drop - 1),
                Math.Max(0, c.Duplicate - 1),
                Math.Max(0, c.WrongSignature - 1),
                Math.Max(0, c.MissingSignature - 1),
                Math.Max(0, c.OutOfOrder - 1));
            return faults;
        }
    }
}
