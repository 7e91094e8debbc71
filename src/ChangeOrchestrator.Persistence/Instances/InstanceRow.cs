using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Persistence.Database;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>
/// An instance as stored: identity and status as columns for queries, the execution state as JSON text, the version
/// as the optimistic concurrency token, and the lease a runtime node holds on it.
/// </summary>
internal sealed class InstanceRow
{
    /// <summary>The columns a burst changes; the rest are set once, or belong to the lease.</summary>
    public static readonly string[] BurstColumns =
    [
        nameof(Status), nameof(Variables), nameof(Steps), nameof(Activities), nameof(Queue), nameof(Incident),
        nameof(Cancelling), nameof(Version), nameof(JournalSequence), nameof(UpdatedAt), nameof(FinishedAt),
    ];

    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public string? CorrelationId { get; init; }

    public required InstanceStatus Status { get; init; }

    public required string Input { get; init; }

    public required string Variables { get; init; }

    public required string Steps { get; init; }

    /// <summary>Runtime state of each activity by id.</summary>
    public required string Activities { get; init; }

    public required string Queue { get; init; }

    /// <summary>The open incident, if any; a Faulted status marks the instances that have one.</summary>
    public string? Incident { get; init; }

    public bool Cancelling { get; init; }

    public long Version { get; init; }

    public long JournalSequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    public static InstanceRow From(WorkflowInstance instance, long version) => new()
    {
        Id = instance.Id,
        DefinitionId = instance.DefinitionId,
        DefinitionVersion = instance.DefinitionVersion,
        CorrelationId = instance.CorrelationId,
        Status = instance.Status,
        Input = StoredJson.Write(instance.Input),
        Variables = StoredJson.Write(instance.Variables),
        Steps = StoredJson.Write(instance.Steps),
        Activities = StoredJson.Write(instance.Activities),
        Queue = StoredJson.Write(instance.Queue),
        Incident = instance.Incident is null ? null : StoredJson.Write(instance.Incident),
        Cancelling = instance.Cancelling,
        Version = version,
        JournalSequence = instance.JournalSequence,
        CreatedAt = instance.CreatedAt.ToUniversalTime(),
        UpdatedAt = instance.UpdatedAt.ToUniversalTime(),
        FinishedAt = instance.FinishedAt?.ToUniversalTime(),
    };

    public WorkflowInstance ToInstance() => new()
    {
        Id = Id,
        DefinitionId = DefinitionId,
        DefinitionVersion = DefinitionVersion,
        CorrelationId = CorrelationId,
        Status = Status,
        Input = StoredJson.ReadObject(Input, "input"),
        Variables = StoredJson.ReadObject(Variables, "variables"),
        Steps = StoredJson.ReadObject(Steps, "steps"),
        Activities = StoredJson.Read<Dictionary<string, ActivityRuntimeState>>(Activities, "activity state"),
        Queue = StoredJson.Read<List<ScheduledActivity>>(Queue, "queue"),
        Incident = Incident is null ? null : StoredJson.Read<Incident>(Incident, "incident"),
        Cancelling = Cancelling,
        Version = Version,
        JournalSequence = JournalSequence,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        FinishedAt = FinishedAt,
    };
}
