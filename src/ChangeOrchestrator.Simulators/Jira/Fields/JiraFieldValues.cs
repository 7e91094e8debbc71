using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Fields;

/// <summary>
/// Converts field values between the wire and the stored form: text and ADF as given, labels as a string array,
/// options as the option id, date-times in Jira's format, users as account ids.
/// </summary>
internal static class JiraFieldValues
{
    public static JiraFieldWrite Parse(JiraFieldDefinition field, JsonNode? input, JiraSite site) => field.Kind switch
    {
        JiraFieldKind.Text => ParseText(field, input),
        JiraFieldKind.Document => input is null || AdfDocument.IsValid(input) ? JiraFieldWrite.Ok(input?.DeepClone()) : JiraFieldWrite.Fail(AdfDocument.InvalidMessage),
        JiraFieldKind.Labels => ParseLabels(input),
        JiraFieldKind.Option => ParseOption(field, input),
        JiraFieldKind.DateTime => ParseDateTime(input),
        JiraFieldKind.User => input is null ? JiraFieldWrite.Ok(null) : ParseUser(input, site) is { } id ? JiraFieldWrite.Ok(id) : JiraFieldWrite.Fail("Specified user does not exist or you do not have required permissions."),
        JiraFieldKind.Users => ParseUsers(input, site),
        _ => JiraFieldWrite.Fail($"Field '{field.Id}' cannot be set. It is not on the appropriate screen, or unknown."),
    };

    public static JsonNode? Render(JiraFieldDefinition field, JsonNode? stored, JiraSite site, JiraLinks links, bool plainDocuments)
    {
        if (stored is null)
        {
            return field.Kind == JiraFieldKind.Labels ? new JsonArray() : null;
        }

        return field.Kind switch
        {
            JiraFieldKind.Document when plainDocuments => AdfDocument.ToPlainText(stored),
            JiraFieldKind.Option when field.FindOption(JiraJson.String(stored), null) is { } option => new JsonObject
            {
                ["self"] = links.Api("/rest/api/3/customFieldOption/" + option.Id),
                ["value"] = option.Value,
                ["id"] = option.Id,
            },
            JiraFieldKind.User => site.FindAccount(JiraJson.String(stored) ?? "") is { } account ? JiraUserJson.Render(account, links) : null,
            JiraFieldKind.Users => JiraJson.Array(Ids(stored).Select(id => site.FindAccount(id)).OfType<JiraAccount>().Select(a => (JsonNode?)JiraUserJson.Render(a, links))),
            _ => stored.DeepClone(),
        };
    }

    /// <summary>The changelog's raw and display value of a stored value.</summary>
    public static (string? Raw, string? Display) Describe(JiraFieldDefinition field, JsonNode? stored, JiraSite site)
    {
        if (stored is null)
        {
            return (null, null);
        }

        return field.Kind switch
        {
            JiraFieldKind.Text => (null, JiraJson.String(stored)),
            JiraFieldKind.Document => (null, AdfDocument.ToPlainText(stored)),
            JiraFieldKind.Labels => (null, string.Join(' ', Ids(stored))),
            JiraFieldKind.Option => (JiraJson.String(stored), field.FindOption(JiraJson.String(stored), null)?.Value),
            JiraFieldKind.User => (JiraJson.String(stored), site.FindAccount(JiraJson.String(stored) ?? "")?.DisplayName),
            JiraFieldKind.Users => ("[" + string.Join(", ", Ids(stored)) + "]", string.Join(", ", Ids(stored).Select(id => site.FindAccount(id)?.DisplayName ?? id))),
            _ => (JiraJson.String(stored), JiraJson.String(stored)),
        };
    }

    /// <summary>The values JQL compares against: text, option value and id, account ids, label strings.</summary>
    public static IReadOnlyList<string> SearchValues(JiraFieldDefinition field, JsonNode? stored)
    {
        if (stored is null)
        {
            return [];
        }

        return field.Kind switch
        {
            JiraFieldKind.Document => [AdfDocument.ToPlainText(stored)],
            JiraFieldKind.Labels or JiraFieldKind.Users => Ids(stored),
            JiraFieldKind.Option => field.FindOption(JiraJson.String(stored), null) is { } option ? [option.Value, option.Id] : [],
            _ => JiraJson.String(stored) is { } text ? [text] : [],
        };
    }

    public static bool IsEmpty(JsonNode? stored) => stored is null || (stored is JsonArray array && array.Count == 0);

    public static List<string> Ids(JsonNode? stored) =>
        stored is JsonArray array ? array.Select(JiraJson.String).OfType<string>().ToList() : [];

    private static JiraFieldWrite ParseText(JiraFieldDefinition field, JsonNode? input)
    {
        if (input is null)
        {
            return JiraFieldWrite.Ok(null);
        }

        if (input is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return JiraFieldWrite.Fail($"Operation value must be a string");
        }

        var text = value.GetValue<string>();
        return field.Id == JiraSystemFields.Summary && text.Length > 255
            ? JiraFieldWrite.Fail("Summary must be less than 255 characters.")
            : JiraFieldWrite.Ok(text);
    }

    private static JiraFieldWrite ParseLabels(JsonNode? input)
    {
        if (input is null)
        {
            return JiraFieldWrite.Ok(new JsonArray());
        }

        if (input is not JsonArray array || array.Any(l => JiraJson.String(l) is null))
        {
            return JiraFieldWrite.Fail("Operation value must be an array of strings");
        }

        var labels = array.Select(l => JiraJson.String(l)!).ToList();
        var spaced = labels.FirstOrDefault(l => l.Length == 0 || l.Any(char.IsWhiteSpace));
        return spaced is not null
            ? JiraFieldWrite.Fail($"The label '{spaced}' contains spaces which is invalid.")
            : JiraFieldWrite.Ok(JiraJson.Strings(labels.Distinct(StringComparer.Ordinal)));
    }

    private static JiraFieldWrite ParseOption(JiraFieldDefinition field, JsonNode? input)
    {
        if (input is null)
        {
            return JiraFieldWrite.Ok(null);
        }

        if (input is not JsonObject json || (json["id"] is null && json["value"] is null))
        {
            return JiraFieldWrite.Fail($"Specify a valid 'id' or 'name' for {field.Name}");
        }

        var id = JiraJson.String(json, "id");
        var value = JiraJson.String(json, "value");
        var option = field.FindOption(id, value);
        if (option is not null)
        {
            return JiraFieldWrite.Ok(option.Id);
        }

        return JiraFieldWrite.Fail(id is not null ? $"Option id '{id}' is not valid" : $"Option value '{value}' is not valid");
    }

    private static JiraFieldWrite ParseDateTime(JsonNode? input)
    {
        if (input is null)
        {
            return JiraFieldWrite.Ok(null);
        }

        var text = JiraJson.String(input);
        return JiraDates.TryParse(text, out var value)
            ? JiraFieldWrite.Ok(JiraDates.Format(value))
            : JiraFieldWrite.Fail($"Error parsing date string: {text}");
    }

    private static JiraFieldWrite ParseUsers(JsonNode? input, JiraSite site)
    {
        if (input is null)
        {
            return JiraFieldWrite.Ok(new JsonArray());
        }

        if (input is not JsonArray array)
        {
            return JiraFieldWrite.Fail("Operation value must be an array of users");
        }

        var ids = new List<string>();
        foreach (var item in array)
        {
            if (ParseUser(item, site) is not { } id)
            {
                return JiraFieldWrite.Fail($"The user '{JiraJson.String(item as JsonObject, "accountId")}' does not exist.");
            }

            ids.Add(id);
        }

        return JiraFieldWrite.Ok(JiraJson.Strings(ids.Distinct(StringComparer.Ordinal)));
    }

    private static string? ParseUser(JsonNode? input, JiraSite site) =>
        input is JsonObject json && JiraJson.String(json, "accountId") is { } id && site.FindAccount(id) is not null ? id : null;
}
