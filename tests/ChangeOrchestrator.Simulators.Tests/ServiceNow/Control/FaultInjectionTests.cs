using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow.Control;

public sealed class FaultInjectionTests
{
    private const string ListRoute = "GET /api/now/table/change_request";

    [Fact]
    public async Task FailNext_Two503s_ThenSucceedsAndEveryAttemptIsCounted()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        await sn.SendAsync(Method.Post, "faults/fail-next", new { count = 2, status = 503, retryAfterSeconds = 3, route = ListRoute });

        var first = await sn.Admin.GetJsonAsync("api/now/table/change_request");
        var second = await sn.Admin.GetJsonAsync("api/now/table/change_request");
        var third = await sn.Admin.GetJsonAsync("api/now/table/change_request");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal("3", first.Header("Retry-After"));
        Assert.Equal("failure", first.Json!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(3, await sn.RequestCountAsync(ListRoute));
    }

    [Fact]
    public async Task FailNext_ForOneRoute_LeavesOtherRoutesAlone()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "x" })).Text("sys_id");
        await sn.SendAsync(Method.Post, "faults/fail-next", new { count = 1, status = 500, route = "PATCH /api/now/table/change_request" });

        var read = await sn.Admin.GetJsonAsync("api/now/table/change_request/" + id);
        var failed = await sn.Admin.PatchChangeAsync(id, new { short_description = "y" });
        var retried = await sn.Admin.PatchChangeAsync(id, new { short_description = "y" });

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Equal(2, await sn.RequestCountAsync("PATCH /api/now/table/change_request/{sys_id}"));
    }

    [Fact]
    public async Task FailNext_After_FailsOnTheKthAttemptOnly()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        await sn.SendAsync(Method.Post, "faults/fail-next", new { count = 1, status = 502, after = 2, route = ListRoute });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await sn.Admin.GetJsonAsync("api/now/table/change_request")).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadGateway, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Latency_Configured_HoldsTheAnswerUntilTheClockMoves()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var sn = await ServiceNowTestHost.StartAsync(timeProvider: time);
        await sn.SendAsync(Method.Put, "faults", new { latencyMilliseconds = 5000 });

        var pending = sn.Admin.GetJsonAsync("api/now/table/change_request");
        var deadline = Stopwatch.StartNew();
        while (await sn.RequestCountAsync(ListRoute) == 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        var answeredEarly = pending.IsCompleted;
        // The delay's timer may start just after the request is counted, so the clock moves until the answer comes.
        while (!pending.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(10);
        }

        var response = await pending;

        Assert.False(answeredEarly);
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task FailNext_503WithNonJsonBody_AnswersHtml()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        await sn.SendAsync(Method.Post, "faults/fail-next", new { count = 1, status = 503, nonJsonBody = true });

        var response = await sn.Admin.GetJsonAsync("api/now/table/change_request");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        Assert.Null(response.Json);
        Assert.StartsWith("text/html", response.Raw.ContentType);
    }

    [Fact]
    public async Task ErrorRate_One_FailsEveryRequestUntilFaultsAreCleared()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        await sn.SendAsync(Method.Put, "faults", new { errorRate = 1.0, errorStatus = 500 });

        var failures = new[] { await sn.Admin.GetJsonAsync("api/now/table/change_request"), await sn.Admin.GetJsonAsync("api/now/table/sys_user") };
        await sn.SendAsync(Method.Delete, "faults", expected: HttpStatusCode.NoContent);
        var after = await sn.Admin.GetJsonAsync("api/now/table/change_request");

        Assert.All(failures, f => Assert.Equal(HttpStatusCode.InternalServerError, f.Status));
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task RateLimit_Exceeded_Returns429WithRetryAfterAndRuleHeaders()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 59, 0, TimeSpan.Zero));
        await using var sn = await ServiceNowTestHost.StartAsync(timeProvider: time);
        await sn.SendAsync(Method.Put, "rate-limit", new { enabled = true, requestsPerHour = 2 });

        var allowed = await sn.Admin.GetJsonAsync("api/now/table/change_request");
        await sn.Admin.GetJsonAsync("api/now/table/change_request");
        var limited = await sn.Admin.GetJsonAsync("api/now/table/change_request");
        time.Advance(TimeSpan.FromSeconds(60));
        var nextHour = await sn.Admin.GetJsonAsync("api/now/table/change_request");

        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal("2", allowed.Header("X-RateLimit-Limit"));
        Assert.Equal((HttpStatusCode)429, limited.Status);
        Assert.Equal("60", limited.Header("Retry-After"));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(), limited.Header("X-RateLimit-Reset"));
        Assert.NotNull(limited.Header("X-RateLimit-Rule"));
        Assert.Equal("Rate limit exceeded", limited.ErrorMessage);
        Assert.Equal("Rate limit of 2 requests per hour for Table API exceeded", limited.ErrorDetail);
        Assert.Equal(HttpStatusCode.OK, nextHour.Status);
    }

    [Fact]
    public async Task FailNext_Injected429_LooksLikeTheRateLimit()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        await sn.SendAsync(Method.Post, "faults/fail-next", new { count = 1, status = 429, retryAfterSeconds = 7 });

        var response = await sn.Admin.GetJsonAsync("api/now/table/change_request");

        Assert.Equal((HttpStatusCode)429, response.Status);
        Assert.Equal("7", response.Header("Retry-After"));
        Assert.Equal("Rate limit exceeded", response.ErrorMessage);
    }

    [Fact]
    public async Task Reset_AfterWork_RestoresTheSeededStateAndIds()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var first = await sn.Admin.CreateChangeAsync(new { short_description = "before reset" });
        await sn.SendAsync(Method.Post, "faults/fail-next", new { count = 5, status = 503 });

        await sn.SendAsync(Method.Post, "reset", expected: HttpStatusCode.NoContent);
        var list = await sn.Admin.GetJsonAsync("api/now/table/change_request");
        var again = await sn.Admin.CreateChangeAsync(new { short_description = "after reset" });

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Empty(list.Result.AsArray());
        Assert.Equal("CHG0030001", again.Text("number"));
        Assert.Equal(first.Text("sys_id"), again.Text("sys_id"));
        Assert.Equal(1, await sn.RequestCountAsync("POST /api/now/table/change_request"));
    }

    [Fact]
    public async Task RequestJournal_RecordsMethodPathAndBody()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        await sn.Admin.CreateChangeAsync(new { correlation_id = "PIPE-7" });

        var journal = (await sn.SendAsync(Method.Get, "requests/journal")).AsArray();

        var entry = Assert.Single(journal)!;
        Assert.Equal("POST", entry.Text("method"));
        Assert.EndsWith("/api/now/table/change_request", entry.Text("path"));
        Assert.Contains("PIPE-7", entry.Text("body"));
        Assert.StartsWith("Basic ", entry["headers"]!["Authorization"]!.GetValue<string>());
    }
}
