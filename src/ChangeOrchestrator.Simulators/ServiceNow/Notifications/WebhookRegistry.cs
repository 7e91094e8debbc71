using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>The configured receivers plus those registered at run time through the control API.</summary>
internal sealed class WebhookRegistry(IOptionsMonitor<ServiceNowSimulatorOptions> options)
{
    private readonly Lock _gate = new();
    private List<WebhookRegistration>? _registrations;

    public IReadOnlyList<WebhookRegistration> All
    {
        get
        {
            lock (_gate)
            {
                return _registrations ??= Configured();
            }
        }
    }

    public void Add(WebhookRegistration registration)
    {
        lock (_gate)
        {
            _registrations ??= Configured();
            _registrations.RemoveAll(r => r.Url == registration.Url);
            _registrations.Add(registration);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _registrations = [];
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _registrations = null;
        }
    }

    private List<WebhookRegistration> Configured() => [.. options.CurrentValue.Notifications.Urls.Select(u => new WebhookRegistration(u, null))];
}
