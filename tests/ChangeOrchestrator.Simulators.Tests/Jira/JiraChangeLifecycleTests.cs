using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira;

/// <summary>A change from creation to closure, approved by a person on the approval page, watched through signed webhooks.</summary>
public sealed class JiraChangeLifecycleTests
{
    private const string Secret = "lifecycle-webhook-secret";

    [Fact]
    public async Task ChangeLifecycle_ApprovedOnApprovalPage_ReachesCompletedWithSignedWebhooks()
    {
        await using var receiver = await JiraWebhookReceiver.StartAsync();
        await using var site = await JiraTestSite.StartAsync();
        var webhookId = await RegisterWebhookAsync(site, receiver);

        var key = await site.CreateChangeAsync("Patch Dev fleet, March");
        Assert.Equal("Planning", await site.StatusOfAsync(key));
        Assert.Equal(HttpStatusCode.NoContent, (await site.TransitionAsync(key, "Request approval")).StatusCode);
        Assert.Equal("Awaiting approval", await site.StatusOfAsync(key));

        var approvals = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/servicedeskapi/request/{key}/approval"))).Json();
        var approval = approvals["values"]![0]!;
        Assert.Equal("pending", approval["finalDecision"]!.GetValue<string>());
        Assert.False(approval["canAnswerApproval"]!.GetValue<bool>());
        Assert.Equal(JiraTestSite.ApproverAccountId, approval["approvers"]![0]!["approver"]!["accountId"]!.GetValue<string>());

        var pending = await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}/transitions"));
        var names = pending.Json()["transitions"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["Cancel"], names);
        var forced = await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/api/3/issue/{key}/transitions", new JsonObject { ["transition"] = new JsonObject { ["id"] = "31" } });
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);

        var submitted = await JiraApprovalPageClient.SubmitAsync(site, key, "approve");
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        Assert.EndsWith("/sim/jira/approve", submitted.Header("Location"));
        Assert.DoesNotContain($"data-key=\"{key}\"", await JiraApprovalPageClient.GetPageAsync(site));
        Assert.Equal("Awaiting implementation", await site.StatusOfAsync(key));

        Assert.Equal(HttpStatusCode.NoContent, (await site.TransitionAsync(key, "Start implementation")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await site.TransitionAsync(key, "Request review")).StatusCode);
        var complete = new JsonObject
        {
            ["fields"] = new JsonObject { ["resolution"] = new JsonObject { ["name"] = "Done" } },
            ["update"] = new JsonObject { ["comment"] = new JsonArray(new JsonObject { ["add"] = new JsonObject { ["body"] = Adf.Doc("All 12 instances patched.") } }) },
        };
        Assert.Equal(HttpStatusCode.NoContent, (await site.TransitionAsync(key, "Complete", complete)).StatusCode);

        var issue = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}?expand=changelog"))).Json();
        Assert.Equal("Completed", issue["fields"]!["status"]!["name"]!.GetValue<string>());
        Assert.Equal("done", issue["fields"]!["status"]!["statusCategory"]!["key"]!.GetValue<string>());
        Assert.Equal("Done", issue["fields"]!["resolution"]!["name"]!.GetValue<string>());
        Assert.Equal("All 12 instances patched.", issue["fields"]!["comment"]!["comments"]![0]!["body"]!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>());
        var approved = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/servicedeskapi/request/{key}/approval"))).Json()["values"]![0]!;
        Assert.Equal("approved", approved["finalDecision"]!.GetValue<string>());
        Assert.Equal("approved", approved["approvers"]![0]!["approverDecision"]!.GetValue<string>());
        Assert.NotNull(approved["completedDate"]);

        var hooks = await receiver.WaitForAsync(r => r.Count >= 6, "six change webhooks");
        Assert.Equal(6, hooks.Count);
        Assert.All(hooks, h => Assert.True(h.HasValidSignature(Secret), "signature must verify with the webhook's secret"));
        Assert.All(hooks, h => Assert.False(h.HasValidSignature("another-secret")));
        Assert.All(hooks, h => Assert.Equal("Primary", h.Header("X-Atlassian-Webhook-Flow")));
        Assert.All(hooks, h => Assert.Null(h.Header("X-Atlassian-Webhook-Retry")));
        Assert.Equal(6, hooks.Select(h => h.Header("X-Atlassian-Webhook-Identifier")).Where(id => !string.IsNullOrEmpty(id)).Distinct().Count());
        Assert.All(hooks, h => Assert.Equal(webhookId, h.Json["matchedWebhookIds"]![0]!.GetValue<long>()));

        Assert.Equal("jira:issue_created", hooks[0].Json["webhookEvent"]!.GetValue<string>());
        var transitions = hooks.Skip(1).Select(h => h.Json).ToList();
        Assert.All(transitions, t => Assert.Equal("jira:issue_updated", t["webhookEvent"]!.GetValue<string>()));
        Assert.All(transitions, t => Assert.Equal("issue_generic", t["issue_event_type_name"]!.GetValue<string>()));
        var moves = transitions.Select(t => t["changelog"]!["items"]!.AsArray().Single(i => i!["field"]!.GetValue<string>() == "status")!)
            .Select(i => $"{i["fromString"]} -> {i["toString"]}")
            .ToList();
        Assert.Equal(
            ["Planning -> Awaiting approval", "Awaiting approval -> Awaiting implementation", "Awaiting implementation -> Implementing", "Implementing -> Peer review", "Peer review -> Completed"],
            moves);
        Assert.Equal(JiraTestSite.ApproverAccountId, transitions[1]["user"]!["accountId"]!.GetValue<string>());
        Assert.Equal(key, transitions[4]["issue"]!["key"]!.GetValue<string>());
        Assert.Equal("Completed", transitions[4]["issue"]!["fields"]!["status"]!["name"]!.GetValue<string>());
        Assert.Contains("/rest/api/2/issue/", transitions[4]["issue"]!["self"]!.GetValue<string>());
        Assert.Equal("All 12 instances patched.", transitions[4]["comment"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChangeLifecycle_DeclinedOnApprovalPage_EndsDeclinedWithNoWayForward()
    {
        await using var receiver = await JiraWebhookReceiver.StartAsync();
        await using var site = await JiraTestSite.StartAsync();
        await RegisterWebhookAsync(site, receiver);
        var key = await site.CreateChangeAsync("Emergency kernel patch");
        await site.TransitionAsync(key, "Request approval");

        var submitted = await JiraApprovalPageClient.SubmitAsync(site, key, "decline");

        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        var issue = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}?fields=status,resolution"))).Json();
        Assert.Equal("Declined", issue["fields"]!["status"]!["name"]!.GetValue<string>());
        Assert.Equal("Declined", issue["fields"]!["resolution"]!["name"]!.GetValue<string>());
        var approval = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/servicedeskapi/request/{key}/approval"))).Json()["values"]![0]!;
        Assert.Equal("declined", approval["finalDecision"]!.GetValue<string>());
        var transitions = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}/transitions"))).Json()["transitions"]!.AsArray();
        Assert.Empty(transitions);

        var hooks = await receiver.WaitForAsync(r => r.Count >= 3, "created, approval requested and declined");
        var declined = hooks[2];
        Assert.True(declined.HasValidSignature(Secret));
        var status = declined.Json["changelog"]!["items"]!.AsArray().Single(i => i!["fieldId"]!.GetValue<string>() == "status")!;
        Assert.Equal("Awaiting approval", status["fromString"]!.GetValue<string>());
        Assert.Equal("Declined", status["toString"]!.GetValue<string>());
        Assert.Equal("10018", status["to"]!.GetValue<string>());
    }

    private static async Task<long> RegisterWebhookAsync(JiraTestSite site, JiraWebhookReceiver receiver)
    {
        var registration = new JsonObject
        {
            ["name"] = "change-orchestrator",
            ["url"] = receiver.Url("jira"),
            ["events"] = new JsonArray("jira:issue_created", "jira:issue_updated"),
            ["filters"] = new JsonObject { ["issue-related-events-section"] = "project = ITOPS AND issuetype = Change" },
            ["excludeBody"] = false,
            ["secret"] = Secret,
        };
        var response = await site.Orchestrator.SendJsonAsync(Method.Post, "rest/webhooks/1.0/webhook", registration);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = response.Json();
        Assert.Null(json["secret"]);
        var self = json["self"]!.GetValue<string>();
        Assert.Contains("/rest/webhooks/1.0/webhook/", self);
        return long.Parse(self[(self.LastIndexOf('/') + 1)..]);
    }
}
