namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class MaintenanceWindow
{
    public required string WindowId { get; init; }

    public required string Name { get; set; }

    public required string ScheduleExpression { get; init; }

    public required WindowSchedule Schedule { get; init; }

    public required int Duration { get; init; }

    public required int Cutoff { get; init; }

    public required bool AllowUnassociatedTargets { get; init; }

    public required DateTimeOffset CreatedDate { get; init; }

    public string? Description { get; init; }

    public string? ScheduleTimezone { get; init; }

    public int? ScheduleOffset { get; init; }

    public string? StartDate { get; init; }

    public string? EndDate { get; init; }

    public bool Enabled { get; set; } = true;

    public string? ClientToken { get; init; }

    public string? CreateFingerprint { get; init; }

    public List<WindowTarget> Targets { get; } = [];

    public List<WindowTask> Tasks { get; } = [];

    public List<WindowExecution> Executions { get; } = [];

    public DateTimeOffset? NextExecutionAt { get; set; }

    /// <summary>Bumped on delete so that a scheduled start no longer fires.</summary>
    public int Generation { get; set; }
}
