using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Runtime;

namespace ChangeOrchestrator.Web.Start;

/// <summary>
/// Reads a form of <see cref="InputField"/>s into a workflow's input and puts the errors the workflow's own input
/// validation gave back under their fields: shared by the start page and the designer's test run.
/// </summary>
public static class InputForm
{
    /// <summary>The input to send, or null when a field could not be read (each such field then carries its error).</summary>
    public static JsonObject? Read(IReadOnlyList<InputField> fields)
    {
        var input = new JsonObject();
        foreach (var field in fields)
        {
            field.Error = null;
            try
            {
                if (field.ToJson() is { } value)
                {
                    input[field.Name] = value;
                }
            }
            catch (FormatException ex)
            {
                field.Error = ex.Message;
            }
        }

        return fields.Any(f => f.Error is not null) ? null : input;
    }

    /// <summary>Puts each validation error under the field it names; returns the message with the errors no field shows.</summary>
    public static string Place(IReadOnlyList<InputField> fields, string? message, IReadOnlyList<InputError> errors)
    {
        foreach (var error in errors)
        {
            var name = error.Field.Split('.', '[')[0];
            if (fields.FirstOrDefault(f => f.Name == name) is { } field)
            {
                field.Error = field.Error is null ? error.Message : $"{field.Error}; {error.Message}";
            }
        }

        var unplaced = errors.Where(e => fields.All(f => f.Name != e.Field.Split('.', '[')[0])).Select(e => $"{e.Field}: {e.Message}").ToList();
        return message + (unplaced.Count > 0 ? " " + string.Join("; ", unplaced) : "");
    }
}
