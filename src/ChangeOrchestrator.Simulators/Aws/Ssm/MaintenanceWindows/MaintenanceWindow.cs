namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class MaintenanceWindow
{
    public required string WindowId { get; init; }

    public required string Name { get; set; }

    public required string ScheduleExpression { get; set; }

    public required WindowSchedule Schedule { get; set; }

    public required int Duration { get; set; }

    public required int Cutoff { get; set; }

    public required bool AllowUnassociatedTargets { get; set; }

    public required DateTimeOffset CreatedDate { get; init; }

    public DateTimeOffset ModifiedDate { get; set; }

    public string? Description { get; set; }

    public string? ScheduleTimezone { get; set; }

    public int? ScheduleOffset { get; set; }

    public string? StartDate { get; set; }

    public string? EndDate { get; set; }

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
