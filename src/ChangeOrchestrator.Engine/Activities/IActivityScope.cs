using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>
/// The part of a burst an activity's context reads and writes. The interpreter implements it, so activities depend on
/// what they may touch and never on the interpreter itself.
/// </summary>
internal interface IActivityScope
{
    WorkflowDefinition Definition { get; }

    FlowGraph Graph { get; }

    WorkflowInstance Instance { get; }

    TimeProvider Time { get; }

    IServiceProvider Services { get; }

    /// <summary>Reads the per-server lists the instance's state refers to, those of the running burst included.</summary>
    ResultLoader Results { get; }

    void SetVariable(string name, JsonNode? value);

    void Journal(JournalEntryType type, string? activityId, string? message = null, JsonNode? data = null);
}
