using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Tests.ServiceDesk;
using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.Extensions.Time.Testing;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Tests.Jira;

/// <summary>Injected and real failures on the site and what the connector makes of them: retries counted by the simulator.</summary>
public sealed class JiraServiceDeskFaultTests
{
    private const string IssueTemplate = "/rest/api/3/issue/{issueIdOrKey}";
    private const string ReadRoute = "GET " + IssueTemplate;

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task GetChange_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        await using var host = await ServiceDeskTestHost.StartAsync(deskTime: time, deskSettings: new Dictionary<string, string?>
        {
            ["ServiceDesk:Jira:Resilience:AttemptTimeout"] = "01:00:00",
        });
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.JiraFailNextAsync(1, 429, "GET", IssueTemplate, retryAfterSeconds: 20);

        var read = host.Jira.GetChangeAsync(change, Ct);
        await host.WaitForRequestsAsync(() => host.JiraRequestCountAsync(ReadRoute), 1);
        var waited = await time.AdvanceUntilCompletedAsync(read, TimeSpan.FromMinutes(30));
        var status = await read;

        Assert.Equal(ChangeState.New, status.State);
        Assert.True(waited >= TimeSpan.FromSeconds(20), $"retried after {waited} of simulated time");
        Assert.Equal(2, await host.JiraRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task GetChange_429WithoutHeaders_BacksOffThenSucceeds()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.JiraFailNextAsync(2, 429, "GET", IssueTemplate, retryAfterSeconds: 20, omitRateLimitHeaders: true);

        var status = await host.Jira.GetChangeAsync(change, Ct);

        Assert.Equal(change, status.Reference);
        Assert.Equal(3, await host.JiraRequestCountAsync(ReadRoute));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task GetChange_BurstOfServerErrors_RetriesUntilItSucceeds(int status)
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.JiraFailNextAsync(3, status, "GET", IssueTemplate);

        var read = await host.Jira.GetChangeAsync(change, Ct);

        Assert.Equal(change, read.Reference);
        Assert.Equal(4, await host.JiraRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task GetChange_Persistent503_ThrowsTransientAfterEveryAttempt()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.JiraFailNextAsync(100, 503, "GET", IssueTemplate);

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.Jira.GetChangeAsync(change, Ct));

        Assert.True(error.IsTransient);
        Assert.Equal("Jira answered 503 Service Unavailable to GET issue: Service Unavailable", error.Message);
        Assert.Equal(4, await host.JiraRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task MoveToImplement_ConcurrentUpdate409_ReReadsAndRetries()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.Jira.RequestApprovalAsync(change, Ct);
        await ServiceDeskTestHost.JsonAsync(host.JiraControl, new RestRequest($"issues/{change.Number}/approve", Method.Post));
        await host.JiraFailNextAsync(1, 409, "POST", IssueTemplate + "/transitions");

        await host.Jira.MoveToImplementAsync(change, Ct);

        Assert.Equal(ChangeState.Implementing, (await host.Jira.GetChangeAsync(change, Ct)).State);
        Assert.Equal(3, await host.JiraRequestCountAsync("POST " + IssueTemplate + "/transitions"));
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "Not Found")]
    public async Task GetChange_ClientError_ThrowsPermanentQuotingTheSiteWithoutRetry(int status, string message)
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.JiraFailNextAsync(1, status, "GET", IssueTemplate);

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.Jira.GetChangeAsync(change, Ct));

        Assert.False(error.IsTransient);
        Assert.Equal($"Jira answered {status} {message} to GET issue: {message}", error.Message);
        Assert.Equal(1, await host.JiraRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task GetChange_UnknownKey_ThrowsPermanentQuotingJira()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.Jira.GetChangeAsync(new ChangeReference("jira", "ITOPS-999"), Ct));

        Assert.False(error.IsTransient);
        Assert.Equal("Jira answered 404 Not Found to GET issue: Issue does not exist or you do not have permission to see it.", error.Message);
        Assert.Equal(1, await host.JiraRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task CreateChange_OptionValueTheSiteLacks_ThrowsPermanentQuotingTheFieldError()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: new Dictionary<string, string?>
        {
            ["ServiceDesk:Jira:RiskValues:High"] = "Extreme",
        });

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct));

        Assert.False(error.IsTransient);
        Assert.StartsWith("Jira answered 400 Bad Request to POST issue: customfield_10006: ", error.Message);
        Assert.Contains("Extreme", error.Message);
        Assert.Equal(1, await host.JiraRequestCountAsync("POST /rest/api/3/issue"));
    }

    [Fact]
    public async Task AddWorkNote_AccountWithoutPermission_ThrowsPermanentQuotingJira()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: new Dictionary<string, string?>
        {
            ["ServiceDesk:Jira:Email"] = "viewer@example.com",
            ["ServiceDesk:Jira:ApiToken"] = "sim-viewer-token",
        });
        var created = await ServiceDeskTestHost.JsonAsync(host.JiraAgent, new RestRequest("rest/api/3/issue", Method.Post).AddStringBody(new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "ITOPS" },
                ["issuetype"] = new JsonObject { ["name"] = "Change" },
                ["summary"] = "Created by someone else",
                ["customfield_10005"] = new JsonObject { ["value"] = "Normal" },
            },
        }.ToJsonString(), ContentType.Json));
        var change = new ChangeReference("jira", created["key"]!.GetValue<string>(), created["id"]!.GetValue<string>());

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.Jira.AddWorkNoteAsync(change, "Patched", "run-1", Ct));

        Assert.False(error.IsTransient);
        Assert.Equal("Jira answered 403 Forbidden to POST issue comment: You do not have the permission to comment on this issue.", error.Message);
        Assert.Equal(1, await host.JiraRequestCountAsync("POST /rest/api/3/issue/{issueIdOrKey}/comment"));
    }

    [Fact]
    public async Task CreateChange_WrongApiToken_ThrowsPermanentWithoutTheToken()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: new Dictionary<string, string?>
        {
            ["ServiceDesk:Jira:ApiToken"] = "revoked-token-9",
        });

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct));

        Assert.False(error.IsTransient);
        Assert.Equal("Jira answered 401 Unauthorized to GET myself: Client must be authenticated to access this resource.", error.Message);
        Assert.DoesNotContain("revoked-token-9", error.ToString());
        Assert.Equal(1, await host.JiraRequestCountAsync("GET /rest/api/3/myself"));
    }
}
