namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// What SSM holds: the account's custom baselines, every patch group registration, the maintenance windows with
/// their targets and tasks, and the ChangeCalendar documents.
/// </summary>
public sealed record DeployedPolicy(
    IReadOnlyList<DeployedBaseline> Baselines,
    IReadOnlyList<DeployedRegistration> Registrations,
    IReadOnlyList<DeployedWindow> Windows)
{
    public IReadOnlyList<DeployedCalendar> Calendars { get; init; } = [];
}
