using ChangeOrchestrator.Simulators.ServiceNow.Journal;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>What the instance shows for a value: choice labels, referenced records' display fields, journal history.</summary>
internal sealed class DisplayValues(ServiceNowStore store, JournalFormatter journal)
{
    public string Of(ResolvedField field) => field.Definition.Kind switch
    {
        FieldKind.Choice => field.Definition.Choices.GetValueOrDefault(field.Raw, field.Raw),
        FieldKind.Reference => OfReference(field.Definition, field.Raw),
        FieldKind.Journal when field.Owner is not null => journal.Format(field.Owner, field.Definition.Name),
        _ => field.Raw,
    };

    public string OfReference(FieldDefinition reference, string sysId)
    {
        if (sysId.Length == 0 || store.Catalog.Find(reference.ReferenceTable!) is not { } table)
        {
            return "";
        }

        return store.Find(table.Name, sysId)?[table.DisplayField] ?? "";
    }

    /// <summary>
    /// The sys_id a reference write means: a sys_id of the target table, else a record whose display value matches
    /// (the instance looks the value up the same way), else the value as given.
    /// </summary>
    public string ResolveReferenceInput(FieldDefinition reference, string input)
    {
        if (input.Length == 0 || store.Catalog.Find(reference.ReferenceTable!) is not { } table || store.Find(table.Name, input) is not null)
        {
            return input;
        }

        var match = store.Rows(table.Name).FirstOrDefault(r => string.Equals(r[table.DisplayField], input, StringComparison.OrdinalIgnoreCase));
        return match?.SysId ?? input;
    }
}
