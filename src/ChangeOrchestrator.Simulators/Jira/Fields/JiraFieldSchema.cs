using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Jira.Fields;

internal sealed record JiraFieldSchema(string Type, string? Items = null, string? System = null, string? Custom = null, int? CustomId = null)
{
    private const string CustomTypes = "com.atlassian.jira.plugin.system.customfieldtypes:";

    public static JiraFieldSchema ForSystem(string type, string system, string? items = null) => new(type, items, system);

    public static JiraFieldSchema ForCustom(JiraFieldKind kind, int customId) => kind switch
    {
        JiraFieldKind.Option => new("option", Custom: CustomTypes + "select", CustomId: customId),
        JiraFieldKind.DateTime => new("datetime", Custom: CustomTypes + "datetime", CustomId: customId),
        JiraFieldKind.Users => new("array", "user", Custom: CustomTypes + "multiuserpicker", CustomId: customId),
        JiraFieldKind.User => new("user", Custom: CustomTypes + "userpicker", CustomId: customId),
        JiraFieldKind.Document => new("string", Custom: CustomTypes + "textarea", CustomId: customId),
        JiraFieldKind.Labels => new("array", "string", Custom: CustomTypes + "labels", CustomId: customId),
        _ => new("string", Custom: CustomTypes + "textfield", CustomId: customId),
    };

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type };
        if (Items is not null)
        {
            json["items"] = Items;
        }

        if (System is not null)
        {
            json["system"] = System;
        }

        if (Custom is not null)
        {
            json["custom"] = Custom;
        }

        if (CustomId is not null)
        {
            json["customId"] = CustomId;
        }

        return json;
    }
}
