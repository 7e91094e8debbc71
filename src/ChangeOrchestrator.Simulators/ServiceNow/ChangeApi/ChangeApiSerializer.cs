using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;

namespace ChangeOrchestrator.Simulators.ServiceNow.ChangeApi;

/// <summary>The Change Management API's record shape: every field <c>{"value","display_value"}</c>, sys_id plain.</summary>
internal sealed class ChangeApiSerializer(ServiceNowStore store, FieldResolver resolver, DisplayValues display)
{
    public JsonObject Serialize(ServiceNowRecord change, IReadOnlyList<string>? ignoredFields = null)
    {
        var json = new JsonObject { [SystemFields.SysId] = change.SysId };
        foreach (var field in store.Catalog.Get(change.Table).Fields.Where(f => f.Name != SystemFields.SysId))
        {
            var resolved = resolver.Resolve(change, field.Name)!;
            json[field.Name] = new JsonObject { ["value"] = resolved.Raw, ["display_value"] = display.Of(resolved) };
        }

        if (ignoredFields is not null)
        {
            json["__meta"] = new JsonObject { ["ignoredFields"] = new JsonArray([.. ignoredFields.Select(f => JsonValue.Create(f))]) };
        }

        return json;
    }
}
