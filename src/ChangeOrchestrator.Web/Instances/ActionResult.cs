using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Runtime;

namespace ChangeOrchestrator.Web.Instances;

/// <summary>What a console action did: the instance it left, or why it did nothing.</summary>
public sealed record ActionResult
{
    public static ActionResult Denied { get; } = new() { Message = "You may not do this: it needs the Operator role." };

    public WorkflowInstance? Instance { get; init; }

    public IReadOnlyList<InputError> Errors { get; init; } = [];

    public string? Message { get; init; }

    public bool Succeeded => Instance is not null;

    public static ActionResult Done(WorkflowInstance instance) => new() { Instance = instance };
}
