namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>Faults of the outbound side: deliveries lost, sent twice, or held back.</summary>
internal sealed class WebhookFaults
{
    private readonly Lock _gate = new();
    private int _dropNext;
    private int _duplicateNext;

    /// <summary>Simulated seconds every delivery waits before its first attempt.</summary>
    public double DelaySeconds { get; private set; }

    public void Configure(int dropNext, int duplicateNext, double delaySeconds)
    {
        lock (_gate)
        {
            _dropNext = dropNext;
            _duplicateNext = duplicateNext;
            DelaySeconds = delaySeconds;
        }
    }

    public bool TakeDrop() => Take(ref _dropNext);

    public bool TakeDuplicate() => Take(ref _duplicateNext);

    public void Reset() => Configure(0, 0, 0);

    private bool Take(ref int counter)
    {
        lock (_gate)
        {
            if (counter <= 0)
            {
                return false;
            }

            counter--;
            return true;
        }
    }
}
