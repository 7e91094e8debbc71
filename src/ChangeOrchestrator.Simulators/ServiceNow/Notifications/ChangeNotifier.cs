using ChangeOrchestrator.Simulators.ServiceNow.Tables;

namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>
/// The after-update business rule on change_request: when state or approval changed, one delivery per receiver
/// is queued for the background sender (the request does not wait, as with executeAsync).
/// </summary>
internal sealed class ChangeNotifier(WebhookRegistry registry, WebhookFaults faults, DeliveryLog log, WebhookQueue queue)
{
    public void NotifyIfChanged(ChangeSnapshot before, ServiceNowRecord change)
    {
        if (before == ChangeSnapshot.Of(change))
        {
            return;
        }

        var notification = ChangeNotification.Of(change);
        foreach (var target in registry.All)
        {
            var delivery = new WebhookDelivery(Guid.NewGuid().ToString("N"), target, notification, isDuplicate: false);
            log.Add(delivery);
            if (faults.TakeDrop())
            {
                delivery.Finish(DeliveryOutcome.Dropped);
                continue;
            }

            queue.Enqueue(delivery);
            if (faults.TakeDuplicate())
            {
                var duplicate = new WebhookDelivery(delivery.DeliveryId, target, notification, isDuplicate: true);
                log.Add(duplicate);
                queue.Enqueue(duplicate);
            }
        }
    }
}
