using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Approvals;

public sealed class JiraApprovalEndpointsTests
{
    [Fact]
    public async Task AnswerApproval_ByListedApprover_ApprovesAndRunsApprovedTransition()
    {
        await using var site = await JiraTestSite.StartAsync();
        var (key, approvalId) = await AwaitingApprovalAsync(site);

        var listed = (await site.Approver.ExecuteAsync(new RestRequest($"rest/servicedeskapi/request/{key}/approval/{approvalId}"))).Json();
        var answer = await site.Approver.SendJsonAsync(Method.Post, $"rest/servicedeskapi/request/{key}/approval/{approvalId}", new JsonObject { ["decision"] = "approve" });

        Assert.True(listed["canAnswerApproval"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("approved", answer.Json()["finalDecision"]!.GetValue<string>());
        Assert.False(answer.Json()["canAnswerApproval"]!.GetValue<bool>());
        Assert.Equal("Awaiting implementation", await site.StatusOfAsync(key));
    }

    [Fact]
    public async Task AnswerApproval_ByAccountNotOnTheApproval_Returns403AndStaysPending()
    {
        await using var site = await JiraTestSite.StartAsync();
        var (key, approvalId) = await AwaitingApprovalAsync(site);

        var answer = await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/servicedeskapi/request/{key}/approval/{approvalId}", new JsonObject { ["decision"] = "approve" });

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.NotEmpty(answer.Json()["errorMessages"]!.AsArray());
        Assert.Equal("Awaiting approval", await site.StatusOfAsync(key));
    }

    [Fact]
    public async Task AnswerApproval_AlreadyDecided_Returns400()
    {
        await using var site = await JiraTestSite.StartAsync();
        var (key, approvalId) = await AwaitingApprovalAsync(site);
        var decline = new JsonObject { ["decision"] = "decline" };
        await site.Approver.SendJsonAsync(Method.Post, $"rest/servicedeskapi/request/{key}/approval/{approvalId}", decline);

        var again = await site.Approver.SendJsonAsync(Method.Post, $"rest/servicedeskapi/request/{key}/approval/{approvalId}", new JsonObject { ["decision"] = "approve" });

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("Declined", await site.StatusOfAsync(key));
    }

    [Fact]
    public async Task AnswerApproval_UnknownDecision_Returns400()
    {
        await using var site = await JiraTestSite.StartAsync();
        var (key, approvalId) = await AwaitingApprovalAsync(site);

        var answer = await site.Approver.SendJsonAsync(Method.Post, $"rest/servicedeskapi/request/{key}/approval/{approvalId}", new JsonObject { ["decision"] = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task AnswerApproval_AllOfTwoApproversRequired_StaysPendingUntilTheSecondApproves()
    {
        await using var site = await JiraTestSite.StartAsync(new Dictionary<string, string?> { ["Simulators:Jira:Approval:RequiredApprovals"] = "0" });
        var approvers = new JsonArray(new JsonObject { ["accountId"] = JiraTestSite.ApproverAccountId }, new JsonObject { ["accountId"] = "5b10a2844c20165700ede21a" });
        var (key, approvalId) = await AwaitingApprovalAsync(site, new JsonObject { ["customfield_10003"] = approvers });
        var approve = new JsonObject { ["decision"] = "approve" };

        var first = await site.Approver.SendJsonAsync(Method.Post, $"rest/servicedeskapi/request/{key}/approval/{approvalId}", approve);
        var statusAfterFirst = await site.StatusOfAsync(key);
        var second = await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/servicedeskapi/request/{key}/approval/{approvalId}", approve);

        Assert.Equal("pending", first.Json()["finalDecision"]!.GetValue<string>());
        Assert.Equal(["approved", "pending"], first.Json()["approvers"]!.AsArray().Select(a => a!["approverDecision"]!.GetValue<string>()).ToList());
        Assert.Equal("Awaiting approval", statusAfterFirst);
        Assert.Equal("approved", second.Json()["finalDecision"]!.GetValue<string>());
        Assert.Equal("Awaiting implementation", await site.StatusOfAsync(key));
    }

    [Fact]
    public async Task ListApprovals_IssueNotYetInApproval_ReturnsEmptyPage()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var page = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/servicedeskapi/request/{key}/approval"))).Json();

        Assert.Equal(0, page["size"]!.GetValue<int>());
        Assert.True(page["isLastPage"]!.GetValue<bool>());
    }

    private static async Task<(string Key, string ApprovalId)> AwaitingApprovalAsync(JiraTestSite site, JsonObject? fields = null)
    {
        var key = await site.CreateChangeAsync(extraFields: fields);
        Assert.Equal(HttpStatusCode.NoContent, (await site.TransitionAsync(key, "Request approval")).StatusCode);
        var approvals = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/servicedeskapi/request/{key}/approval"))).Json();
        return (key, approvals["values"]![0]!["id"]!.GetValue<string>());
    }
}
