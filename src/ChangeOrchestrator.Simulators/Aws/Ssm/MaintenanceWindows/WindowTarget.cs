using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed record WindowTarget(
    string WindowTargetId, string ResourceType, IReadOnlyList<CommandTarget> Targets, string? OwnerInformation, string? Name, string? Description)
{
    public string? ClientToken { get; init; }
}
