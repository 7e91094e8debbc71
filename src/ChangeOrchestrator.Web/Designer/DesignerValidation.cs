using System.Globalization;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Publishing;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// Validates the document as the <c>validate</c> command validates a file (the same loader, so the same rules and
/// messages), and pins each error to its activity and field.
/// </summary>
public static partial class DesignerValidation
{
    public static IReadOnlyList<DesignerProblem> Check(WorkflowDefinitionLoader loader, DesignerDocument document)
    {
        var result = loader.Load(document.Export(), document.FileName);
        var errors = result.Errors.ToList();
        var expectedId = Path.GetFileNameWithoutExtension(document.FileName);
        if (result.Definition is { } definition && definition.Id != expectedId)
        {
            errors.Add(new DefinitionError(document.FileName, "$.id", $"'{definition.Id}' must match the file name '{expectedId}'"));
        }

        return errors.Select(error => Pin(error, document)).ToList();
    }

    private static DesignerProblem Pin(DefinitionError error, DesignerDocument document)
    {
        string? activityId = null;
        string? field = null;
        if (ActivityPath().Match(error.Path) is { Success: true } activity)
        {
            var index = int.Parse(activity.Groups["index"].Value, CultureInfo.InvariantCulture);
            activityId = index < document.Activities.Count ? DesignerDocument.Text(document.Activities[index]?["id"]) : null;
            var rest = activity.Groups["rest"].Value;
            field = rest.StartsWith("inputs.", StringComparison.Ordinal) ? rest["inputs.".Length..].Split('.', '[')[0] : rest.Length == 0 ? null : rest.Split('.', '[')[0];
        }
        else if (ConnectionPath().Match(error.Path) is { Success: true } connection)
        {
            var index = int.Parse(connection.Groups["index"].Value, CultureInfo.InvariantCulture);
            activityId = index < document.Connections.Count ? DesignerDocument.Text(document.Connections[index]?["from"]) : null;
            field = "connections";
        }

        return new DesignerProblem(error.Path, error.Message, activityId, field) { Text = error.ToString() };
    }

    [GeneratedRegex(@"^\$\.activities\[(?<index>\d+)\]\.?(?<rest>.*)$")]
    private static partial Regex ActivityPath();

    [GeneratedRegex(@"^\$\.connections\[(?<index>\d+)\]")]
    private static partial Regex ConnectionPath();
}
