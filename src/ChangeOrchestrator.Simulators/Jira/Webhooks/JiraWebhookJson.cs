using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

internal static class JiraWebhookJson
{
    /// <summary>The admin registration as listed; never the secret.</summary>
    public static JsonObject Admin(JiraWebhook webhook, JiraSite site, JiraLinks links)
    {
        var owner = webhook.OwnerAccountId is { } id ? site.FindAccount(id) : null;
        return new JsonObject
        {
            ["self"] = links.Api("/rest/webhooks/1.0/webhook/" + webhook.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["name"] = webhook.Name,
            ["url"] = webhook.Url,
            ["events"] = JiraJson.Strings(webhook.Events),
            ["filters"] = new JsonObject { [JiraWebhookRegistration.FilterKey] = webhook.Jql },
            ["excludeBody"] = webhook.ExcludeBody,
            ["enabled"] = webhook.Enabled,
            ["lastUpdated"] = JiraDates.EpochMillis(webhook.LastUpdated),
            ["lastUpdatedUser"] = owner?.AccountId,
            ["lastUpdatedDisplayName"] = owner?.DisplayName,
        };
    }

    /// <summary>A dynamic (app) registration as <c>GET /rest/api/3/webhook</c> lists it.</summary>
    public static JsonObject Dynamic(JiraWebhook webhook) => new()
    {
        ["id"] = webhook.Id,
        ["jqlFilter"] = webhook.Jql,
        ["fieldIdsFilter"] = JiraJson.Strings(webhook.FieldIdsFilter),
        ["events"] = JiraJson.Strings(webhook.Events),
        ["expirationDate"] = webhook.Expires is { } expires ? JiraDates.EpochMillis(expires) : null,
    };
}
