using ChangeOrchestrator.Simulators.ServiceNow.Auth;
using ChangeOrchestrator.Simulators.ServiceNow.Notifications;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Puts the whole instance back to its seeded state: data, tokens, faults, counters, receivers, deliveries.</summary>
internal sealed class ServiceNowReset(
    ServiceNowStore store,
    OAuthTokenStore tokens,
    FaultInjector faults,
    RateLimiter rateLimiter,
    RequestRecorder recorder,
    WebhookRegistry webhooks,
    WebhookFaults webhookFaults,
    DeliveryLog deliveries)
{
    public void Reset()
    {
        lock (store.Gate)
        {
            store.Reset();
        }

        tokens.Reset();
        faults.Reset();
        rateLimiter.Reset();
        recorder.Reset();
        webhooks.Reset();
        webhookFaults.Reset();
        deliveries.Reset();
    }
}
