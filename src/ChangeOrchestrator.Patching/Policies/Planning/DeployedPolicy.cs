namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>What SSM holds: the account's custom baselines, every patch group registration, and the maintenance windows.</summary>
public sealed record DeployedPolicy(
    IReadOnlyList<DeployedBaseline> Baselines,
    IReadOnlyList<DeployedRegistration> Registrations,
    IReadOnlyList<DeployedWindow> Windows);
