namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>Reads fields by name or dot-walked path (<c>assigned_to.email</c>) through reference fields.</summary>
internal sealed class FieldResolver(ServiceNowStore store)
{
    /// <summary>The definition a path ends at, or null when a part is unknown or walks through a non-reference.</summary>
    public FieldDefinition? Describe(TableSchema schema, string path)
    {
        var current = schema;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var field = current.Find(parts[i]);
            if (field is null || i == parts.Length - 1)
            {
                return field;
            }

            if (field.Kind != FieldKind.Reference || store.Catalog.Find(field.ReferenceTable!) is not { } next)
            {
                return null;
            }

            current = next;
        }

        return null;
    }

    /// <summary>The value at a path; an empty or dangling reference on the way yields "".</summary>
    public ResolvedField? Resolve(ServiceNowRecord record, string path)
    {
        var schema = store.Catalog.Get(record.Table);
        var definition = Describe(schema, path);
        if (definition is null)
        {
            return null;
        }

        ServiceNowRecord? owner = record;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1 && owner is not null; i++)
        {
            var reference = store.Catalog.Get(owner.Table).Find(parts[i])!;
            owner = store.Find(reference.ReferenceTable!, owner[parts[i]]);
        }

        var raw = owner is null || definition.Kind == FieldKind.Journal ? "" : owner[definition.Name];
        return new ResolvedField(definition, owner, raw);
    }
}
