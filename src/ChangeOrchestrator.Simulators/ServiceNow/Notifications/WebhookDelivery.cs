namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>
/// One notification on its way to one receiver. A duplicate carries the same delivery id as its original,
/// so receivers can recognise it.
/// </summary>
internal sealed class WebhookDelivery(string deliveryId, WebhookRegistration target, ChangeNotification notification, bool isDuplicate)
{
    private readonly Lock _gate = new();
    private readonly List<DeliveryAttempt> _attempts = [];

    public string DeliveryId { get; } = deliveryId;

    public WebhookRegistration Target { get; } = target;

    public ChangeNotification Notification { get; } = notification;

    public string Payload { get; } = notification.ToJson();

    public bool IsDuplicate { get; } = isDuplicate;

    public DeliveryOutcome Outcome { get; private set; } = DeliveryOutcome.Pending;

    public IReadOnlyList<DeliveryAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    public void AddAttempt(DeliveryAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }
    }

    public void Finish(DeliveryOutcome outcome) => Outcome = outcome;
}
