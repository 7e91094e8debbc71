namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>Every delivery attempt, bounded, for assertions through the control API.</summary>
internal sealed class JiraDeliveryLog
{
    private const int Capacity = 5000;
    private readonly Lock _gate = new();
    private readonly LinkedList<JiraDeliveryRecord> _records = new();

    public void Add(JiraDeliveryRecord record)
    {
        lock (_gate)
        {
            _records.AddLast(record);
            if (_records.Count > Capacity)
            {
                _records.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<JiraDeliveryRecord> All()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
    }
}
