namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>The service quotas of a window (Systems Manager service quotas: tasks and targets per window).</summary>
internal static class MaintenanceWindowLimits
{
    public const int TasksPerWindow = 20;

    public const int TargetsPerWindow = 100;
}
