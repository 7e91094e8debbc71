using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// What an expression of this workflow can read, for the editor's completions: the workflow's inputs and
/// variables, each activity's declared outputs, the instance's fields and <c>now</c> (the scope the engine gives).
/// </summary>
public static class ExpressionCompletions
{
    private static readonly ExpressionCompletion[] Instance =
    [
        new("instance.id", "string", "The instance's id."),
        new("instance.correlationId", "string", "The correlation id the instance was started with."),
        new("instance.definitionId", "string", "The workflow's id."),
        new("instance.definitionVersion", "integer", "The version the instance runs."),
        new("instance.createdAt", "dateTime", "When the instance was started."),
        new("now", "Date", "The current time, as a JavaScript Date."),
    ];

    public static IReadOnlyList<ExpressionCompletion> For(DesignerDocument document, ActivityCatalogue catalogue)
    {
        var items = new List<ExpressionCompletion>();
        foreach (var input in document.Root["inputs"] as JsonArray ?? [])
        {
            if (DesignerDocument.Text(input?["name"]) is { } name)
            {
                items.Add(new($"input.{name}", DesignerDocument.Text(input!["type"]) ?? "any", DesignerDocument.Text(input["description"])));
            }
        }

        foreach (var variable in document.Root["variables"] as JsonArray ?? [])
        {
            if (DesignerDocument.Text(variable?["name"]) is { } name)
            {
                items.Add(new($"vars.{name}", DesignerDocument.Text(variable!["type"]) ?? "any", null));
            }
        }

        foreach (var activity in document.Activities.OfType<JsonObject>())
        {
            if (DesignerDocument.Text(activity["id"]) is not { } id)
            {
                continue;
            }

            var type = DesignerDocument.Text(activity["type"]);
            items.Add(new($"steps.{id}", $"outputs of {type}", null));
            if (type is not null && catalogue.Find(type) is { } descriptor)
            {
                items.AddRange(descriptor.Outputs.Select(o => new ExpressionCompletion($"steps.{id}.{o.Name}", ContractJson.Name(o.Type), o.Description)));
            }
        }

        items.AddRange(Instance);
        return items;
    }
}
