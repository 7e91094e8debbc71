using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Instances;

/// <summary>The durable state of one run of a workflow definition version, as committed after each burst.</summary>
public sealed class WorkflowInstance
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public string? CorrelationId { get; init; }

    public InstanceStatus Status { get; set; }

    public JsonObject Input { get; init; } = [];

    public JsonObject Variables { get; set; } = [];

    /// <summary>Outputs of finished activities by activity id: <c>steps.&lt;id&gt;.&lt;output&gt;</c> in expressions.</summary>
    public JsonObject Steps { get; set; } = [];

    public Dictionary<string, ActivityRuntimeState> Activities { get; set; } = [];

    /// <summary>Work scheduled but not run; empty except when an incident stopped a burst.</summary>
    public List<ScheduledActivity> Queue { get; set; } = [];

    public Incident? Incident { get; set; }

    /// <summary>True while the cancel path runs after a cancellation.</summary>
    public bool Cancelling { get; set; }

    /// <summary>Incremented by every commit; a commit against an older version is refused.</summary>
    public long Version { get; set; }

    /// <summary>Sequence number of the last journal entry written.</summary>
    public long JournalSequence { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsFinished => Status is InstanceStatus.Completed or InstanceStatus.Cancelled;

    public WorkflowInstance Clone() => new()
    {
        Id = Id,
        DefinitionId = DefinitionId,
        DefinitionVersion = DefinitionVersion,
        CorrelationId = CorrelationId,
        Status = Status,
        Input = (JsonObject)Input.DeepClone(),
        Variables = (JsonObject)Variables.DeepClone(),
        Steps = (JsonObject)Steps.DeepClone(),
        Activities = Activities.ToDictionary(a => a.Key, a => a.Value.Clone()),
        Queue = [.. Queue],
        Incident = Incident,
        Cancelling = Cancelling,
        Version = Version,
        JournalSequence = JournalSequence,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        FinishedAt = FinishedAt,
    };
}
