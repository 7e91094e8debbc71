using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Control;

public sealed class JiraFaultInjectionTests
{
    private const string GetIssueRoute = "GET /rest/api/3/issue/{issueIdOrKey}";

    [Fact]
    public async Task FailNext_Three503s_FailsThoseThenSucceedsAndCountsEveryAttempt()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();
        var rule = new JsonObject { ["route"] = "/rest/api/3/issue/{issueIdOrKey}", ["method"] = "GET", ["status"] = 503, ["count"] = 3, ["retryAfterSeconds"] = 2 };
        Assert.Equal(HttpStatusCode.OK, (await site.Control.SendJsonAsync(Method.Post, "faults/rules", rule)).StatusCode);

        var attempts = new List<RestResponse>();
        for (var i = 0; i < 4; i++)
        {
            attempts.Add(await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}")));
        }

        Assert.All(attempts.Take(3), r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.All(attempts.Take(3), r => Assert.Equal("2", r.Header("Retry-After")));
        Assert.Equal(HttpStatusCode.OK, attempts[3].StatusCode);
        Assert.Equal(4, await site.RequestCountAsync(GetIssueRoute));
        Assert.Equal(1, await site.RequestCountAsync("POST /rest/api/3/issue"));
    }

    [Fact]
    public async Task FaultRule_429_CarriesJiraRateLimitHeaders()
    {
        await using var site = await JiraTestSite.StartAsync();
        await site.Control.SendJsonAsync(Method.Post, "faults/rules", new JsonObject { ["status"] = 429, ["retryAfterSeconds"] = 5 });

        var response = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/myself"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("5", response.Header("Retry-After"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$", response.Header("X-RateLimit-Reset"));
        Assert.Equal("jira-burst-based", response.Header("RateLimit-Reason"));
        Assert.Equal("0", response.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task FaultRule_429WithoutHeaders_SendsNone()
    {
        await using var site = await JiraTestSite.StartAsync();
        await site.Control.SendJsonAsync(Method.Post, "faults/rules", new JsonObject { ["status"] = 429, ["retryAfterSeconds"] = 5, ["omitRateLimitHeaders"] = true });

        var response = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/myself"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null(response.Header("Retry-After"));
        Assert.Null(response.Header("X-RateLimit-Reset"));
    }

    [Fact]
    public async Task FaultRule_SkipTwo_FailsOnlyTheThirdAttemptWithCustomBody()
    {
        await using var site = await JiraTestSite.StartAsync();
        await site.Control.SendJsonAsync(Method.Post, "faults/rules", new JsonObject { ["route"] = "/rest/api/3/myself", ["status"] = 502, ["skip"] = 2, ["body"] = "<html>Bad gateway</html>", ["contentType"] = "text/html" });

        var statuses = new List<HttpStatusCode>();
        RestResponse? failed = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/myself"));
            statuses.Add(response.StatusCode);
            failed = response.StatusCode == HttpStatusCode.BadGateway ? response : failed;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadGateway, HttpStatusCode.OK], statuses);
        Assert.Equal("<html>Bad gateway</html>", failed!.Content);
    }

    [Fact]
    public async Task ErrorRateOfOne_OnOneRoute_FailsThatRouteOnly()
    {
        await using var site = await JiraTestSite.StartAsync();
        await site.Control.SendJsonAsync(Method.Put, "faults", new JsonObject { ["errorRate"] = 1.0, ["errorStatus"] = 500, ["route"] = "/rest/api/3/field" });

        var fields = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/field"));
        var myself = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/myself"));
        await site.Control.ExecuteAsync(new RestRequest("faults", Method.Delete));
        var after = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/field"));

        Assert.Equal(HttpStatusCode.InternalServerError, fields.StatusCode);
        Assert.NotEmpty(fields.Json()["errorMessages"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, myself.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task BurstLimit_Exceeded_Returns429UntilTheWindowPassesAndEarlyRetriesWaitAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var site = await JiraTestSite.StartAsync(
            new Dictionary<string, string?> { ["Simulators:Jira:RateLimit:PermitsPerWindow"] = "2", ["Simulators:Jira:RateLimit:Window"] = "00:00:10" },
            time);
        var request = () => site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/myself"));

        var allowed = new[] { (await request()).StatusCode, (await request()).StatusCode };
        var limited = await request();
        time.Advance(TimeSpan.FromSeconds(4));
        var early = await request();
        time.Advance(TimeSpan.FromSeconds(11));
        var later = await request();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], allowed);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("10", limited.Header("Retry-After"));
        Assert.Equal("2025-03-01T10:00Z", limited.Header("X-RateLimit-Reset"));
        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.Equal("10", early.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Latency_FiveSeconds_HoldsTheAnswerUntilThatMuchTimeHasPassed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var site = await JiraTestSite.StartAsync(timeProvider: time);
        await site.Control.SendJsonAsync(Method.Put, "faults", new JsonObject { ["latencyMs"] = 5000 });

        var pending = site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/myself"));
        var advanced = TimeSpan.Zero;
        while (!pending.IsCompleted && advanced < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromMilliseconds(500));
            advanced += TimeSpan.FromMilliseconds(500);
        }

        Assert.True(advanced >= TimeSpan.FromSeconds(5), $"answered after {advanced} of simulated time");
        Assert.Equal(HttpStatusCode.OK, (await pending).StatusCode);
    }

    [Fact]
    public async Task Journal_Request_RecordsMethodRouteAuthorizationAndBody()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync("Journal me");

        var journal = (await site.Control.ExecuteAsync(new RestRequest("journal"))).Json().AsArray();

        var create = journal.Single(e => e!["route"]!.GetValue<string>() == "POST /rest/api/3/issue")!;
        Assert.StartsWith("Basic ", create["headers"]!["Authorization"]!.GetValue<string>());
        Assert.Contains("Journal me", create["body"]!.GetValue<string>());
        Assert.Equal(201, create["status"]!.GetValue<int>());
        Assert.Equal("ITOPS-1", key);
    }

    [Fact]
    public async Task Reset_AfterChanges_RestoresTheSeededSite()
    {
        await using var site = await JiraTestSite.StartAsync();
        await site.CreateChangeAsync();
        await site.Control.SendJsonAsync(Method.Post, "faults/rules", new JsonObject { ["status"] = 500, ["count"] = 5, ["route"] = "/rest/api/3/field" });

        var reset = await site.Control.ExecuteAsync(new RestRequest("reset", Method.Post));
        var gone = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/issue/ITOPS-1"));
        var fields = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/field"));
        var key = await site.CreateChangeAsync();

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fields.StatusCode);
        Assert.Equal("ITOPS-1", key);
        Assert.Equal(1, await site.RequestCountAsync("GET /rest/api/3/issue/{issueIdOrKey}"));
    }

    [Fact]
    public async Task FaultRule_GatewayStyleUrl_CountsUnderTheSameRoute()
    {
        await using var site = await JiraTestSite.StartAsync();

        await site.Bearer("sim-oauth-access-token", gateway: true).ExecuteAsync(new RestRequest("rest/api/3/myself"));
        await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/myself"));

        Assert.Equal(2, await site.RequestCountAsync("GET /rest/api/3/myself"));
    }
}
