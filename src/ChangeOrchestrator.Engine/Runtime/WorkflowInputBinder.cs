using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions;

namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>Checks the input of a start against the definition's declared inputs and fills in defaults.</summary>
public static class WorkflowInputBinder
{
    public static JsonObject Bind(WorkflowDefinition definition, JsonObject given)
    {
        var errors = new List<InputError>();
        var bound = new JsonObject();
        foreach (var declared in definition.Inputs)
        {
            if (given.TryGetPropertyValue(declared.Name, out var value) && value is not null)
            {
                if (DataTypes.Describe(value, declared.Type) is { } problem)
                {
                    errors.Add(new InputError(declared.Name, problem));
                }

                bound[declared.Name] = value.DeepClone();
            }
            else if (declared.Default is not null)
            {
                bound[declared.Name] = declared.Default.DeepClone();
            }
            else if (declared.Required)
            {
                errors.Add(new InputError(declared.Name, $"is required ({declared.Type.ToString().ToLowerInvariant()})"));
            }
        }

        foreach (var (name, _) in given)
        {
            if (definition.Inputs.All(i => i.Name != name))
            {
                errors.Add(new InputError(name, $"is not an input of '{definition.Id}' (known: {string.Join(", ", definition.Inputs.Select(i => i.Name))})"));
            }
        }

        return errors.Count > 0 ? throw new InvalidWorkflowInputException(errors) : bound;
    }
}
