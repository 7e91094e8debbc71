using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Fields;

public sealed class JiraFieldEndpointsTests
{
    [Fact]
    public async Task GetFields_DefaultSite_ListsSystemAndChangeCustomFields()
    {
        await using var site = await JiraTestSite.StartAsync();

        var fields = (await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/field"))).Json().AsArray();

        JsonNode Field(string name) => fields.Single(f => f!["name"]!.GetValue<string>() == name)!;
        var changeType = Field("Change type");
        Assert.Equal("customfield_10005", changeType["id"]!.GetValue<string>());
        Assert.True(changeType["custom"]!.GetValue<bool>());
        Assert.Equal("option", changeType["schema"]!["type"]!.GetValue<string>());
        Assert.EndsWith(":select", changeType["schema"]!["custom"]!.GetValue<string>());
        Assert.Equal(10005, changeType["schema"]!["customId"]!.GetValue<int>());
        Assert.Contains("cf[10005]", changeType["clauseNames"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("customfield_10006", Field("Change risk")["id"]!.GetValue<string>());
        Assert.Equal("customfield_10007", Field("Change reason")["id"]!.GetValue<string>());
        Assert.Equal("datetime", Field("Change start date")["schema"]!["type"]!.GetValue<string>());
        Assert.Equal("customfield_10009", Field("Change completion date")["id"]!.GetValue<string>());
        Assert.EndsWith(":multiuserpicker", Field("Approvers")["schema"]!["custom"]!.GetValue<string>());
        Assert.Equal("customfield_10004", Field("Impact")["id"]!.GetValue<string>());
        Assert.Equal("sd-customerrequesttype", Field("Request Type")["schema"]!["type"]!.GetValue<string>());
        Assert.False(Field("Summary")["custom"]!.GetValue<bool>());
        Assert.Equal("summary", Field("Summary")["schema"]!["system"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateMeta_ChangeIssueType_ListsRequiredFieldsAndAllowedValues()
    {
        await using var site = await JiraTestSite.StartAsync();

        var types = (await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/issue/createmeta/ITOPS/issuetypes"))).Json();
        var change = types["issueTypes"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "Change")!;
        var meta = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/createmeta/ITOPS/issuetypes/{change["id"]}"))).Json();

        Assert.Equal(4, types["total"]!.GetValue<int>());
        var fields = meta["fields"]!.AsArray();
        var changeType = fields.Single(f => f!["fieldId"]!.GetValue<string>() == "customfield_10005")!;
        Assert.True(changeType["required"]!.GetValue<bool>());
        Assert.Equal(["Standard", "Normal", "Emergency"], changeType["allowedValues"]!.AsArray().Select(v => v!["value"]!.GetValue<string>()).ToList());
        Assert.Equal(["Low", "Medium", "High", "Critical"], fields.Single(f => f!["name"]!.GetValue<string>() == "Change risk")!["allowedValues"]!.AsArray().Select(v => v!["value"]!.GetValue<string>()).ToList());
        Assert.True(fields.Single(f => f!["fieldId"]!.GetValue<string>() == "summary")!["required"]!.GetValue<bool>());
        Assert.Contains(fields, f => f!["fieldId"]!.GetValue<string>() == "project");
        Assert.Equal(meta["total"]!.GetValue<int>(), fields.Count);
    }

    [Fact]
    public async Task CreateMeta_SiteWithSystemChangeNameAndOtherFieldIds_ReportsWhatIsConfigured()
    {
        await using var site = await JiraTestSite.StartAsync(new Dictionary<string, string?>
        {
            ["Simulators:Jira:ChangeIssueTypeName"] = "[System] Change",
            ["Simulators:Jira:ChangeIssueTypeId"] = "10200",
            ["Simulators:Jira:CustomFields:ChangeType:Id"] = "10305",
        });

        var types = (await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/issue/createmeta/ITOPS/issuetypes"))).Json();
        var fields = (await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/field"))).Json().AsArray();

        Assert.Contains(types["issueTypes"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "[System] Change" && t["id"]!.GetValue<string>() == "10200");
        Assert.Equal("customfield_10305", fields.Single(f => f!["name"]!.GetValue<string>() == "Change type")!["id"]!.GetValue<string>());
        Assert.DoesNotContain(fields, f => f!["id"]!.GetValue<string>() == "customfield_10005");
    }

    [Fact]
    public async Task CreateMeta_UnknownProject_Returns404()
    {
        await using var site = await JiraTestSite.StartAsync();

        var response = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/issue/createmeta/NOPE/issuetypes"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EditMeta_ExistingChange_ListsEditableFieldsWithOperations()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var meta = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}/editmeta"))).Json()["fields"]!;

        Assert.Equal(["add", "set", "remove"], meta["labels"]!["operations"]!.AsArray().Select(o => o!.GetValue<string>()).ToList());
        Assert.NotNull(meta["customfield_10006"]!["allowedValues"]);
        Assert.Null(meta["status"]);
    }
}
