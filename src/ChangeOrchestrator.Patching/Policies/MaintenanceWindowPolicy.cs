namespace ChangeOrchestrator.Patching.Policies;

/// <summary>A recurring maintenance window, the patch groups it serves and the freezes that suspend it.</summary>
public sealed record MaintenanceWindowPolicy
{
    public required string Name { get; init; }

    /// <summary><c>cron(0 2 ? * SUN *)</c> or <c>rate(7 days)</c>, as SSM takes it.</summary>
    public required string Schedule { get; init; }

    /// <summary>IANA time zone of the schedule; UTC when null.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Hours, 1 to 24.</summary>
    public required int Duration { get; init; }

    /// <summary>Hours before the end when no new task starts; below the duration.</summary>
    public required int Cutoff { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> PatchGroups { get; init; } = [];

    public IReadOnlyList<ChangeFreezePolicy> Freezes { get; init; } = [];

    public SourceLocation? Location { get; init; }
}
