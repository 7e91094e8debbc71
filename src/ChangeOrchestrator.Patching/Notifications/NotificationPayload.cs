using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Patching.Notifications;

/// <summary>The message body in each format. Chat services cap text sizes, so long values are shortened, not refused.</summary>
internal static class NotificationPayload
{
    /// <summary>Slack: a header holds 150 characters, a section 3,000, a section at most 10 fields.</summary>
    private const int SlackHeaderLength = 150;

    private const int SlackTextLength = 3000;

    private const int SlackFieldsPerSection = 10;

    public static JsonObject For(NotificationFormat format, string? title, string text, JsonObject? fields, string instanceId, string workflow) => format switch
    {
        NotificationFormat.Slack => Slack(title, text, fields),
        NotificationFormat.Teams => Teams(title, text, fields),
        _ => new JsonObject
        {
            ["title"] = title,
            ["text"] = text,
            ["fields"] = fields?.DeepClone() ?? new JsonObject(),
            ["instanceId"] = instanceId,
            ["workflow"] = workflow,
        },
    };

    private static JsonObject Slack(string? title, string text, JsonObject? fields)
    {
        var blocks = new JsonArray();
        if (!string.IsNullOrWhiteSpace(title))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Shorten(title, SlackHeaderLength) },
            });
        }

        if (text.Length > 0)
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Markdown(Shorten(text, SlackTextLength)) });
        }

        foreach (var chunk in Facts(fields).Chunk(SlackFieldsPerSection))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray([.. chunk.Select(f => (JsonNode)Markdown(Shorten($"*{f.Name}*\n{f.Value}", 2000)))]),
            });
        }

        // The top-level text is what notifications and screen readers show.
        return new JsonObject
        {
            ["text"] = Shorten(string.IsNullOrWhiteSpace(title) ? text : $"{title}: {text}", SlackTextLength),
            ["blocks"] = blocks,
        };
    }

    private static JsonObject Teams(string? title, string text, JsonObject? fields)
    {
        var body = new JsonArray();
        if (!string.IsNullOrWhiteSpace(title))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true });
        }

        if (text.Length > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true });
        }

        var facts = Facts(fields).ToList();
        if (facts.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Name, ["value"] = f.Value })]),
            });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["content"] = new JsonObject
                {
                    ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                    ["type"] = "AdaptiveCard",
                    ["version"] = "1.4",
                    ["body"] = body,
                },
            }),
        };
    }

    /// <summary>Each field as a name and a display value: strings as they are, anything else as JSON.</summary>
    private static IEnumerable<(string Name, string Value)> Facts(JsonObject? fields) =>
        (fields ?? []).Select(f => (f.Key, f.Value switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            { } other => other.ToJsonString(),
        }));

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
