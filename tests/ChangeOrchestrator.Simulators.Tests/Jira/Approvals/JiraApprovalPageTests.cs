using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Approvals;

public sealed class JiraApprovalPageTests
{
    [Fact]
    public async Task ApprovalPage_NothingAwaitingApproval_SaysSo()
    {
        await using var site = await JiraTestSite.StartAsync();
        await site.CreateChangeAsync();

        var html = await JiraApprovalPageClient.GetPageAsync(site);

        Assert.Contains("No changes are awaiting approval.", html);
    }

    [Fact]
    public async Task ApprovalPage_ChangeAwaitingApproval_ListsItWithItsFields()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync("Patch <Prod> fleet");
        await site.TransitionAsync(key, "Request approval");

        var html = await JiraApprovalPageClient.GetPageAsync(site);

        Assert.Contains($"data-key=\"{key}\"", html);
        Assert.Contains("Patch &lt;Prod&gt; fleet", html);
        Assert.Contains("Normal", html);
        Assert.Contains("Alex Approver (pending)", html);
    }

    [Fact]
    public async Task ControlApprove_JsonCaller_ApprovesAndAnswersWithTheNewStatus()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();
        await site.TransitionAsync(key, "Request approval");

        var response = await site.Control.ExecuteAsync(new RestRequest($"issues/{key}/approve", Method.Post));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Awaiting implementation", response.Json()["status"]!.GetValue<string>());
        Assert.Equal("approved", response.Json()["approval"]!["finalDecision"]!.GetValue<string>());
    }

    [Fact]
    public async Task ControlDecline_NoPendingApproval_Returns409()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var response = await site.Control.ExecuteAsync(new RestRequest($"issues/{key}/decline", Method.Post));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotNull(response.Json()["error"]);
    }

    [Fact]
    public async Task ControlApprove_ConfiguredDefaultApprover_ApprovalNamesThatAccountAndSettles()
    {
        await using var site = await JiraTestSite.StartAsync(new Dictionary<string, string?>
        {
            ["Simulators:Jira:Approval:DefaultApproverAccountIds:0"] = "5b10a2844c20165700ede21c",
        });
        var key = await site.CreateChangeAsync();
        await site.TransitionAsync(key, "Request approval");

        var response = await site.Control.SendJsonAsync(Method.Post, $"issues/{key}/approve", new JsonObject());

        var approval = response.Json()["approval"]!;
        Assert.Equal("5b10a2844c20165700ede21c", approval["approvers"]![0]!["approver"]!["accountId"]!.GetValue<string>());
        Assert.Equal("approved", approval["approvers"]![0]!["approverDecision"]!.GetValue<string>());
        Assert.Equal("Awaiting implementation", response.Json()["status"]!.GetValue<string>());
    }
}
