using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Projects;

/// <summary>The project as the project endpoints return it: the summary of a search page, or the full project.</summary>
internal static class JiraProjectJson
{
    private const string Expandable = "description,lead,issueTypes,url,projectKeys,permissions,insight";

    /// <summary>A project of <c>/project/search</c>; <paramref name="expand"/> adds description, lead and issue types.</summary>
    public static JsonObject Summary(JiraSite site, JiraLinks links, ISet<string> expand)
    {
        var project = site.Project;
        var json = new JsonObject
        {
            ["expand"] = Expandable,
            ["self"] = links.Api("/rest/api/3/project/" + project.Id),
            ["id"] = project.Id,
            ["key"] = project.Key,
            ["name"] = project.Name,
            ["avatarUrls"] = Avatars(project, links),
            ["projectTypeKey"] = "service_desk",
            ["simplified"] = false,
            ["style"] = "classic",
            ["isPrivate"] = false,
            ["properties"] = new JsonObject(),
        };
        if (expand.Contains("description"))
        {
            json["description"] = Description(project);
        }

        if (expand.Contains("lead") && Lead(site) is { } lead)
        {
            json["lead"] = JiraUserJson.Render(lead, links);
        }

        if (expand.Contains("issueTypes"))
        {
            json["issueTypes"] = IssueTypes(site, links);
        }

        return json;
    }

    /// <summary>The project of <c>/project/{projectIdOrKey}</c>: description, lead, issue types and the rest always included.</summary>
    public static JsonObject Full(JiraSite site, JiraLinks links)
    {
        var project = site.Project;
        var json = new JsonObject
        {
            ["expand"] = Expandable,
            ["self"] = links.Api("/rest/api/3/project/" + project.Id),
            ["id"] = project.Id,
            ["key"] = project.Key,
            ["description"] = Description(project),
            ["components"] = new JsonArray(),
            ["issueTypes"] = IssueTypes(site, links),
            ["assigneeType"] = "UNASSIGNED",
            ["versions"] = new JsonArray(),
            ["name"] = project.Name,
            ["roles"] = new JsonObject
            {
                ["Administrators"] = links.Api($"/rest/api/3/project/{project.Id}/role/10002"),
                ["Service Desk Team"] = links.Api($"/rest/api/3/project/{project.Id}/role/10003"),
                ["Service Desk Customers"] = links.Api($"/rest/api/3/project/{project.Id}/role/10004"),
            },
            ["avatarUrls"] = Avatars(project, links),
            ["projectTypeKey"] = "service_desk",
            ["simplified"] = false,
            ["style"] = "classic",
            ["isPrivate"] = false,
            ["properties"] = new JsonObject(),
        };
        if (Lead(site) is { } lead)
        {
            json["lead"] = JiraUserJson.Render(lead, links);
        }

        return json;
    }

    public static JsonArray IssueTypes(JiraSite site, JiraLinks links) =>
        JiraJson.Array(site.IssueTypes.Select(t => (JsonNode?)JiraWorkflowJson.IssueType(t, links)));

    private static string Description(JiraProject project) => $"{project.Name} service project";

    /// <summary>The project lead: the site's first administrator.</summary>
    private static JiraAccount? Lead(JiraSite site) => site.Accounts.FirstOrDefault(a => a.IsAdmin) ?? site.Accounts.FirstOrDefault();

    private static JsonObject Avatars(JiraProject project, JiraLinks links) => new()
    {
        ["48x48"] = $"{links.SiteBase}/rest/api/3/universal_avatar/view/type/project/avatar/{project.Id}",
        ["24x24"] = $"{links.SiteBase}/rest/api/3/universal_avatar/view/type/project/avatar/{project.Id}?size=small",
        ["16x16"] = $"{links.SiteBase}/rest/api/3/universal_avatar/view/type/project/avatar/{project.Id}?size=xsmall",
        ["32x32"] = $"{links.SiteBase}/rest/api/3/universal_avatar/view/type/project/avatar/{project.Id}?size=medium",
    };
}
