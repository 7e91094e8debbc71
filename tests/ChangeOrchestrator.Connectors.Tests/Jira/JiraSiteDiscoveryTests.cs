using ChangeOrchestrator.Connectors.Tests.ServiceDesk;
using ChangeOrchestrator.Patching.ChangeRequests;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Tests.Jira;

/// <summary>Sites differ: field ids, the change issue type's name, the workflow's statuses and transition ids.</summary>
public sealed class JiraSiteDiscoveryTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task CreateChange_OtherFieldIdsTypeNameAndWorkflow_DiscoversThemAndRunsTheLifeCycle()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(OtherSite(), new Dictionary<string, string?>
        {
            ["ServiceDesk:Jira:Statuses:Planning"] = "Open",
            ["ServiceDesk:Jira:Statuses:AwaitingApproval"] = "Authorize",
            ["ServiceDesk:Jira:Statuses:Scheduled"] = "Scheduled",
            ["ServiceDesk:Jira:Statuses:Implementing"] = "In progress",
            ["ServiceDesk:Jira:Statuses:Completed"] = "Done",
            ["ServiceDesk:Jira:Statuses:Declined"] = "Rejected",
            ["ServiceDesk:Jira:Statuses:Canceled"] = "Abandoned",
        });
        var desk = host.Jira;

        var change = await desk.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await desk.RequestApprovalAsync(change, Ct);
        var awaiting = await desk.GetChangeAsync(change, Ct);
        await ServiceDeskTestHost.JsonAsync(host.JiraControl, new RestRequest($"issues/{change.Number}/approve", Method.Post));
        await desk.MoveToImplementAsync(change, Ct);
        await desk.CloseAsync(change, ChangeOutcome.Successful, "Patched", Ct);
        var closed = await desk.GetChangeAsync(change, Ct);

        Assert.Equal((ChangeState.AwaitingApproval, "Authorize", ApprovalDecision.Pending), (awaiting.State, awaiting.DeskState, awaiting.Approval.Decision));
        Assert.Equal((ChangeState.Closed, "Done", ChangeOutcome.Successful), (closed.State, closed.DeskState, closed.Outcome));
        Assert.Equal(ApprovalDecision.Approved, closed.Approval.Decision);
        var fields = (await ServiceDeskTestHost.JsonAsync(host.JiraAgent, new RestRequest($"rest/api/3/issue/{change.Number}?fields=*all")))["fields"]!;
        Assert.Equal("[System] Change", fields["issuetype"]!["name"]!.GetValue<string>());
        Assert.Equal("Normal", fields["customfield_12005"]!["value"]!.GetValue<string>());
        Assert.Equal("High", fields["customfield_12006"]!["value"]!.GetValue<string>());
        Assert.Equal("2025-03-01T22:00:00.000+0000", fields["customfield_12008"]!.GetValue<string>());
        Assert.Null(fields["customfield_10005"]);
        var description = fields["description"]!.ToJsonString();
        Assert.Contains("\"text\":\"Implementation plan\"", description);
        Assert.Contains("\"text\":\"Patch in two waves of 50%.\"", description);
        Assert.Contains("\"text\":\"Restore the pre-patch snapshots.\"", description);
    }

    [Fact]
    public async Task CreateChange_ChangeTypeFieldNameNotOnTheSite_ThrowsPermanentNamingTheKey()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: new Dictionary<string, string?>
        {
            ["ServiceDesk:Jira:Fields:ChangeType"] = "Type of change",
        });

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct));

        Assert.False(error.IsTransient);
        Assert.Equal("Jira has no custom field named 'Type of change' (ServiceDesk:Jira:Fields:ChangeType)", error.Message);
        Assert.Equal(0, await host.JiraRequestCountAsync("POST /rest/api/3/issue"));
    }

    [Fact]
    public async Task CreateChange_SeveralChanges_DiscoversTheSiteOnce()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();

        await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-B"), Ct);

        Assert.Equal(1, await host.JiraRequestCountAsync("GET /rest/api/3/field"));
        Assert.Equal(1, await host.JiraRequestCountAsync("GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes"));
        Assert.Equal(2, await host.JiraRequestCountAsync("POST /rest/api/3/issue"));
    }

    [Fact]
    public async Task CreateChange_OAuthBearerThroughTheGateway_Works()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: new Dictionary<string, string?>
        {
            ["ServiceDesk:Jira:BaseUrl"] = "{simulators}sim/jira/ex/jira/7c8e0f4a-3b1d-4c2e-9f6a-5d4b3a2c1e0f",
            ["ServiceDesk:Jira:Email"] = null,
            ["ServiceDesk:Jira:ApiToken"] = null,
            ["ServiceDesk:Jira:BearerToken"] = "sim-oauth-access-token",
        });

        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        var status = await host.Jira.GetChangeAsync(change, Ct);

        Assert.Equal((ChangeState.New, "PATCH-A"), (status.State, status.CorrelationId));
        var journal = (await ServiceDeskTestHost.JsonAsync(host.JiraControl, new RestRequest("journal"))).AsArray();
        Assert.NotEmpty(journal);
        Assert.All(journal, r => Assert.Contains("/ex/jira/7c8e0f4a-3b1d-4c2e-9f6a-5d4b3a2c1e0f/rest/", r!["path"]!.GetValue<string>()));
    }

    private static Dictionary<string, string?> OtherSite()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Simulators:Jira:ChangeIssueTypeName"] = "[System] Change",
            ["Simulators:Jira:ChangeIssueTypeId"] = "10104",
            ["Simulators:Jira:CustomFields:Approvers:Id"] = "12003",
            ["Simulators:Jira:CustomFields:Impact:Id"] = "12004",
            ["Simulators:Jira:CustomFields:ChangeType:Id"] = "12005",
            ["Simulators:Jira:CustomFields:ChangeRisk:Id"] = "12006",
            ["Simulators:Jira:CustomFields:ChangeReason:Id"] = "12007",
            ["Simulators:Jira:CustomFields:ChangeStartDate:Id"] = "12008",
            ["Simulators:Jira:CustomFields:ChangeCompletionDate:Id"] = "12009",
            ["Simulators:Jira:CustomFields:RequestType:Id"] = "12010",
            ["Simulators:Jira:CustomFields:ImplementationPlan:Id"] = "0",
            ["Simulators:Jira:CustomFields:BackoutPlan:Id"] = "0",
            ["Simulators:Jira:CustomFields:TestPlan:Id"] = "0",
            ["Simulators:Jira:Approval:StatusId"] = "20002",
            ["Simulators:Jira:Approval:ApprovedTransitionId"] = "102",
            ["Simulators:Jira:Approval:RejectedTransitionId"] = "103",
        };
        var statuses = new[]
        {
            ("20001", "Open", "new"), ("20002", "Authorize", "indeterminate"), ("20003", "Scheduled", "indeterminate"),
            ("20004", "In progress", "indeterminate"), ("20005", "Done", "done"), ("20006", "Rejected", "done"), ("20007", "Abandoned", "done"),
        };
        for (var i = 0; i < statuses.Length; i++)
        {
            settings[$"Simulators:Jira:Workflow:Statuses:{i}:Id"] = statuses[i].Item1;
            settings[$"Simulators:Jira:Workflow:Statuses:{i}:Name"] = statuses[i].Item2;
            settings[$"Simulators:Jira:Workflow:Statuses:{i}:Category"] = statuses[i].Item3;
        }

        var transitions = new[]
        {
            ("101", "Submit for approval", new[] { "20001" }, "20002"),
            ("102", "Authorized", ["20002"], "20003"),
            ("103", "Rejected", ["20002"], "20006"),
            ("104", "Begin", ["20003"], "20004"),
            ("105", "Finish", ["20004"], "20005"),
            ("106", "Abandon", ["20001", "20002", "20003"], "20007"),
        };
        for (var i = 0; i < transitions.Length; i++)
        {
            var (id, name, from, to) = transitions[i];
            settings[$"Simulators:Jira:Workflow:Transitions:{i}:Id"] = id;
            settings[$"Simulators:Jira:Workflow:Transitions:{i}:Name"] = name;
            settings[$"Simulators:Jira:Workflow:Transitions:{i}:To"] = to;
            for (var j = 0; j < from.Length; j++)
            {
                settings[$"Simulators:Jira:Workflow:Transitions:{i}:From:{j}"] = from[j];
            }
        }

        return settings;
    }
}
