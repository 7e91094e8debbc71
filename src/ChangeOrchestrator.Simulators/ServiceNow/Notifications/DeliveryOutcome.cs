namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

internal enum DeliveryOutcome
{
    Pending,
    Delivered,

    /// <summary>Every attempt failed.</summary>
    Failed,

    /// <summary>Lost by an injected fault: never sent.</summary>
    Dropped,
}
