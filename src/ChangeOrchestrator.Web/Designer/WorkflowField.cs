using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>One member of a workflow's inputs, variables or triggers, as the workflow panel edits it.</summary>
/// <param name="Name">The member's name in the file.</param>
/// <param name="Label">What the field is called on the page.</param>
/// <param name="Kind">Which editor it gets.</param>
public sealed record WorkflowField(string Name, string Label, WorkflowFieldKind Kind)
{
    /// <summary>The values of a <see cref="WorkflowFieldKind.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public string? Placeholder { get; init; }

    /// <summary>Shown only for the elements this holds for (a cron trigger's schedule); always when null.</summary>
    public Func<JsonObject, bool>? ShownWhen { get; init; }
}
