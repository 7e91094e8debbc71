using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Site;

namespace ChangeOrchestrator.Simulators.Jira.Wire;

/// <summary>The user object embedded in issues, comments, changelogs and approvals.</summary>
internal static class JiraUserJson
{
    public static JsonObject Render(JiraAccount account, JiraLinks links) => new()
    {
        ["self"] = links.User(account.AccountId),
        ["accountId"] = account.AccountId,
        ["emailAddress"] = account.Email,
        ["avatarUrls"] = new JsonObject { ["48x48"] = $"{links.SiteBase}/secure/useravatar?size=large&ownerId={account.AccountId}" },
        ["displayName"] = account.DisplayName,
        ["active"] = true,
        ["timeZone"] = account.TimeZone,
        ["accountType"] = "atlassian",
    };

    /// <summary>The JSM REST shape: no avatar map, a <c>_links</c> object.</summary>
    public static JsonObject RenderServiceDesk(JiraAccount account, JiraLinks links) => new()
    {
        ["accountId"] = account.AccountId,
        ["emailAddress"] = account.Email,
        ["displayName"] = account.DisplayName,
        ["active"] = true,
        ["timeZone"] = account.TimeZone,
        ["_links"] = new JsonObject { ["self"] = links.User(account.AccountId) },
    };
}
