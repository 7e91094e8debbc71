using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Server.Api;

/// <summary>An instance as the API shows it.</summary>
public sealed record InstanceResponse(
    string Id,
    string DefinitionId,
    int DefinitionVersion,
    string? CorrelationId,
    string Status,
    JsonObject Input,
    JsonObject Variables,
    JsonObject Outputs,
    IReadOnlyList<string> WaitingActivities,
    Incident? Incident,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt)
{
    public static InstanceResponse From(WorkflowInstance instance) => new(
        instance.Id,
        instance.DefinitionId,
        instance.DefinitionVersion,
        instance.CorrelationId,
        instance.Status.ToString(),
        instance.Input,
        instance.Variables,
        instance.Steps,
        instance.Activities.Where(a => a.Value.Waiting).Select(a => a.Key).Order(StringComparer.Ordinal).ToList(),
        instance.Incident,
        instance.CreatedAt,
        instance.UpdatedAt,
        instance.FinishedAt);
}
