using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Issues;

public sealed class JiraIssueEndpointsTests
{
    [Fact]
    public async Task CreateIssue_ValidChange_Returns201AndStoresFieldsInWireFormat()
    {
        await using var site = await JiraTestSite.StartAsync();

        var key = await site.CreateChangeAsync("Patch Test fleet", new JsonObject { ["customfield_10008"] = "2025-03-01T22:00:00+00:00" });
        var issue = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}"))).Json();

        Assert.Equal("ITOPS-1", key);
        Assert.Equal("10000", issue["id"]!.GetValue<string>());
        Assert.EndsWith("/sim/jira/rest/api/3/issue/10000", issue["self"]!.GetValue<string>());
        var fields = issue["fields"]!;
        Assert.Equal("Patch Test fleet", fields["summary"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(Adf.Doc("Monthly patching of the Dev patch group."), fields["description"]));
        Assert.Equal("Normal", fields["customfield_10005"]!["value"]!.GetValue<string>());
        Assert.NotNull(fields["customfield_10005"]!["id"]);
        Assert.Equal("2025-03-01T22:00:00.000+0000", fields["customfield_10008"]!.GetValue<string>());
        Assert.Equal("Planning", fields["status"]!["name"]!.GetValue<string>());
        Assert.Equal("new", fields["status"]!["statusCategory"]!["key"]!.GetValue<string>());
        Assert.Equal("Change", fields["issuetype"]!["name"]!.GetValue<string>());
        Assert.Equal("ITOPS", fields["project"]!["key"]!.GetValue<string>());
        Assert.Equal(JiraTestSite.OrchestratorEmail, fields["reporter"]!["emailAddress"]!.GetValue<string>());
        Assert.Null(fields["resolution"]);
        Assert.Null(fields["customfield_10010"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$", fields["created"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateIssue_MissingSummaryAndUnknownOption_Returns400WithFieldErrors()
    {
        await using var site = await JiraTestSite.StartAsync();
        var body = Change(f =>
        {
            f.Remove("summary");
            f["customfield_10006"] = new JsonObject { ["value"] = "Extreme" };
        });

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, "rest/api/3/issue", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = response.Json()["errors"]!;
        Assert.Equal("You must specify a summary of the issue.", errors["summary"]!.GetValue<string>());
        Assert.Equal("Option value 'Extreme' is not valid", errors["customfield_10006"]!.GetValue<string>());
        Assert.Empty(response.Json()["errorMessages"]!.AsArray());
    }

    [Fact]
    public async Task CreateIssue_PlainStringDescription_Returns400NotAnAtlassianDocument()
    {
        await using var site = await JiraTestSite.StartAsync();

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, "rest/api/3/issue", Change(f => f["description"] = "plain text"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Operation value must be an Atlassian Document", response.Json()["errors"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateIssue_MissingRequiredChangeTypeAndUnknownField_Returns400ForEach()
    {
        await using var site = await JiraTestSite.StartAsync();
        var body = Change(f =>
        {
            f.Remove("customfield_10005");
            f["customfield_99999"] = "x";
        });

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, "rest/api/3/issue", body);

        var errors = response.Json()["errors"]!;
        Assert.Equal("Change type is required.", errors["customfield_10005"]!.GetValue<string>());
        Assert.Equal("Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.", errors["customfield_99999"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateIssue_UnknownProjectAndIssueType_Returns400ForEach()
    {
        await using var site = await JiraTestSite.StartAsync();
        var body = Change(f =>
        {
            f["project"] = new JsonObject { ["key"] = "NOPE" };
            f["issuetype"] = new JsonObject { ["id"] = "99" };
        });

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, "rest/api/3/issue", body);

        var errors = response.Json()["errors"]!;
        Assert.Equal("Specify a valid project ID or key", errors["project"]!.GetValue<string>());
        Assert.Equal("Specify a valid issue type", errors["issuetype"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateIssue_NotJson_Returns415()
    {
        await using var site = await JiraTestSite.StartAsync();
        var request = new RestRequest("rest/api/3/issue", Method.Post).AddStringBody("summary=x", ContentType.FormUrlEncoded);

        var response = await site.Orchestrator.ExecuteAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task GetIssue_UnknownKey_Returns404WithJiraMessage()
    {
        await using var site = await JiraTestSite.StartAsync();

        var response = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/issue/ITOPS-404"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Issue does not exist or you do not have permission to see it.", response.Json()["errorMessages"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task EditIssue_RiskAndLabels_Returns204AndRecordsChangelog()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();
        var edit = new JsonObject
        {
            ["fields"] = new JsonObject { ["customfield_10006"] = new JsonObject { ["value"] = "High" } },
            ["update"] = new JsonObject { ["labels"] = new JsonArray(new JsonObject { ["add"] = "patching" }, new JsonObject { ["add"] = "dev" }) },
        };

        var response = await site.Orchestrator.SendJsonAsync(Method.Put, $"rest/api/3/issue/{key}", edit);
        var issue = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}?expand=changelog"))).Json();

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["patching", "dev"], issue["fields"]!["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        var items = issue["changelog"]!["histories"]![0]!["items"]!.AsArray();
        var risk = items.Single(i => i!["fieldId"]!.GetValue<string>() == "customfield_10006")!;
        Assert.Equal("Change risk", risk["field"]!.GetValue<string>());
        Assert.Equal("custom", risk["fieldtype"]!.GetValue<string>());
        Assert.Equal("Low", risk["fromString"]!.GetValue<string>());
        Assert.Equal("High", risk["toString"]!.GetValue<string>());
        Assert.Equal("patching dev", items.Single(i => i!["fieldId"]!.GetValue<string>() == "labels")!["toString"]!.GetValue<string>());
    }

    [Fact]
    public async Task EditIssue_Status_Returns400NotOnScreen()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();
        var edit = new JsonObject { ["fields"] = new JsonObject { ["status"] = new JsonObject { ["name"] = "Completed" } } };

        var response = await site.Orchestrator.SendJsonAsync(Method.Put, $"rest/api/3/issue/{key}", edit);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Field 'status' cannot be set. It is not on the appropriate screen, or unknown.", response.Json()["errors"]!["status"]!.GetValue<string>());
        Assert.Equal("Planning", await site.StatusOfAsync(key));
    }

    [Fact]
    public async Task EditIssue_SameFieldInFieldsAndUpdate_Returns400()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();
        var edit = new JsonObject
        {
            ["fields"] = new JsonObject { ["labels"] = new JsonArray("a") },
            ["update"] = new JsonObject { ["labels"] = new JsonArray(new JsonObject { ["add"] = "b" }) },
        };

        var response = await site.Orchestrator.SendJsonAsync(Method.Put, $"rest/api/3/issue/{key}", edit);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(response.Json()["errors"]!["labels"]);
    }

    [Fact]
    public async Task GetIssue_FieldsAndExpand_ReturnsOnlyRequestedFieldsWithTransitionsAndNames()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var issue = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}?fields=summary,customfield_10005&expand=transitions,names"))).Json();

        Assert.Equal(["summary", "customfield_10005"], issue["fields"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["Request approval", "Cancel"], issue["transitions"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal("Change type", issue["names"]!["customfield_10005"]!.GetValue<string>());
    }

    [Fact]
    public async Task IssueProperty_SetThenRead_RoundTripsOnPropertyAndIssue()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var put = await site.Orchestrator.SendJsonAsync(Method.Put, $"rest/api/3/issue/{key}/properties/changeorchestrator", new JsonObject { ["instanceId"] = "wf-7" });
        var get = await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}/properties/changeorchestrator"));
        var issue = await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}?fields=summary&properties=changeorchestrator"));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("wf-7", get.Json()["value"]!["instanceId"]!.GetValue<string>());
        Assert.Equal("wf-7", issue.Json()["properties"]!["changeorchestrator"]!["instanceId"]!.GetValue<string>());
    }

    private static JsonObject Change(Action<JsonObject> adjust)
    {
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = "ITOPS" },
            ["issuetype"] = new JsonObject { ["name"] = "Change" },
            ["summary"] = "Patch",
            ["customfield_10005"] = new JsonObject { ["value"] = "Normal" },
        };
        adjust(fields);
        return new JsonObject { ["fields"] = fields };
    }
}
