using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.ServiceNow.Journal;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>
/// Applies a write's fields to a record as the instance does: unknown and read-only fields are ignored, journal
/// fields append an entry, references accept a sys_id or a display value.
/// </summary>
internal sealed class FieldWriter(ServiceNowStore store, DisplayValues display)
{
    /// <summary>Returns whether anything changed; <paramref name="ignored"/> collects fields not written.</summary>
    public bool Apply(ServiceNowRecord record, JsonObject body, WriteContext context, ISet<string> handledElsewhere, List<string> ignored)
    {
        var schema = store.Catalog.Get(record.Table);
        var changed = false;
        foreach (var (name, node) in body)
        {
            if (handledElsewhere.Contains(name))
            {
                continue;
            }

            var field = schema.Find(name);
            if (field is null || field.ReadOnly)
            {
                ignored.Add(name);
                continue;
            }

            var value = JsonBodyReader.ToFieldValue(node);
            if (field.Kind == FieldKind.Journal)
            {
                if (value.Length > 0)
                {
                    JournalEntries.Append(store, record, name, value, context.User.UserName);
                    changed = true;
                }

                continue;
            }

            value = Normalize(field, value, context.InputDisplayValue);
            if (record[name] != value)
            {
                record[name] = value;
                changed = true;
            }
        }

        return changed;
    }

    private string Normalize(FieldDefinition field, string value, bool inputDisplayValue) => field.Kind switch
    {
        FieldKind.Reference => display.ResolveReferenceInput(field, value),
        FieldKind.Boolean => value is "1" or "true" or "True" ? "true" : value is "0" or "false" or "False" or "" ? "false" : value,
        FieldKind.Choice when inputDisplayValue => ChoiceFromLabel(field, value),
        _ => value,
    };

    private static string ChoiceFromLabel(FieldDefinition field, string label) =>
        field.Choices.FirstOrDefault(c => string.Equals(c.Value, label, StringComparison.OrdinalIgnoreCase)).Key ?? label;
}
