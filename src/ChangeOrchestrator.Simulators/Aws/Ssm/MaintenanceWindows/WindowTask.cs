using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>A RUN_COMMAND task of a window with its Run Command invocation parameters.</summary>
internal sealed record WindowTask
{
    public required string WindowTaskId { get; init; }

    public required string TaskArn { get; init; }

    public required IReadOnlyList<CommandTarget> Targets { get; init; }

    public required string MaxConcurrency { get; init; }

    public required string MaxErrors { get; init; }

    public required int Priority { get; init; }

    public required string CutoffBehavior { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? ServiceRoleArn { get; init; }

    public string Comment { get; init; } = "";

    public int TimeoutSeconds { get; init; } = 3600;

    public string? DocumentVersion { get; init; }

    public string OutputS3BucketName { get; init; } = "";

    public string OutputS3KeyPrefix { get; init; } = "";

    public string? ClientToken { get; init; }
}
