using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>Shapes records as the Table API returns them in the three sysparm_display_value modes.</summary>
internal sealed class RecordSerializer(ServiceNowStore store, FieldResolver resolver, DisplayValues display)
{
    public JsonObject Serialize(ServiceNowRecord record, RecordView view)
    {
        var schema = store.Catalog.Get(record.Table);
        var paths = view.Fields ?? schema.Fields.Select(f => f.Name).ToList();
        var json = new JsonObject();
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            if (resolver.Resolve(record, path) is { } field)
            {
                json[path] = Render(field, view);
            }
        }

        return json;
    }

    private JsonNode Render(ResolvedField field, RecordView view)
    {
        var isReference = field.Definition.Kind == FieldKind.Reference && field.Raw.Length > 0;
        var link = isReference && !view.ExcludeReferenceLink
            ? $"{view.InstanceUrl}/api/now/table/{field.Definition.ReferenceTable}/{field.Raw}"
            : null;
        switch (view.Mode)
        {
            case DisplayValueMode.Display:
                var shown = display.Of(field);
                return link is null ? JsonValue.Create(shown) : new JsonObject { ["link"] = link, ["display_value"] = shown };
            case DisplayValueMode.All:
                var both = new JsonObject { ["display_value"] = display.Of(field) };
                if (link is not null)
                {
                    both["link"] = link;
                }

                both["value"] = field.Raw;
                return both;
            default:
                return link is null ? JsonValue.Create(field.Raw) : new JsonObject { ["link"] = link, ["value"] = field.Raw };
        }
    }
}
