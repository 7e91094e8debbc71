using System.Collections.Concurrent;

namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>Every delivery made since the last reset, in order, for tests to assert on.</summary>
internal sealed class DeliveryLog
{
    private readonly ConcurrentQueue<WebhookDelivery> _deliveries = new();

    public void Add(WebhookDelivery delivery) => _deliveries.Enqueue(delivery);

    public IReadOnlyList<WebhookDelivery> All => [.. _deliveries];

    public void Reset() => _deliveries.Clear();
}
