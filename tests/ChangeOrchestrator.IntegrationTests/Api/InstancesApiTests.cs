using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Api;

public sealed class InstancesApiTests : IAsyncLifetime
{
    private readonly ProgrammableEndpoint _endpoint = new();
    private readonly WorkflowFolder _workflows = new();
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _workflows.With("wait-approval", TestWorkflows.WaitForApproval).With("call-out", $$"""
            {
              "id": "call-out",
              "name": "Call out",
              "activities": [ { "id": "call", "type": "HttpRequest", "inputs": { "url": "{{_endpoint.Url}}" } } ]
            }
            """);
        _server = await TestServer.StartAsync(_workflows.Path);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
        _endpoint.Dispose();
    }

    [Fact]
    public async Task Start_ThenEvent_CompletesAndJournalTellsTheStory()
    {
        var started = await StartAsync(new { definitionId = "wait-approval", input = new { change = "CHG1" }, correlationId = "corr-1" });
        Assert.Equal("Suspended", started["status"]!.GetValue<string>());
        Assert.Equal(["wait"], started["waitingActivities"]!.AsArray().Select(a => a!.GetValue<string>()));

        var raised = await _server.PostJsonAsync("/api/events/approval/CHG1", new { by = "ann" }, HttpStatusCode.Accepted);
        var id = started["id"]!.GetValue<string>();
        var finished = await _server.GetJsonAsync($"/api/instances/{id}");
        var journal = await _server.GetJsonAsync($"/api/instances/{id}/journal?limit=3");
        var rest = await _server.GetJsonAsync($"/api/instances/{id}/journal?after={journal["next"]}");

        Assert.Equal(1, raised["resumed"]!.GetValue<int>());
        Assert.Equal("Completed", finished["status"]!.GetValue<string>());
        Assert.Equal(3, journal["items"]!.AsArray().Count);
        Assert.Equal("InstanceCompleted", rest["items"]!.AsArray()[^1]!["type"]!.GetValue<string>());
        Assert.Null(rest["next"]);
    }

    [Fact]
    public async Task Start_SameRequestIdTwice_ReturnsTheSameInstance()
    {
        var first = await StartAsync(new { definitionId = "wait-approval", input = new { change = "CHG2" }, requestId = "req-42" });
        var second = await StartAsync(new { definitionId = "wait-approval", input = new { change = "CHG2" }, requestId = "req-42" });
        var list = await _server.GetJsonAsync("/api/instances?definitionId=wait-approval");

        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Single(list["items"]!.AsArray());
    }

    [Theory]
    [InlineData("""{ "definitionId": "nope", "input": {} }""", HttpStatusCode.NotFound, "'nope'")]
    [InlineData("""{ "definitionId": "wait-approval", "input": {} }""", HttpStatusCode.BadRequest, "input.change")]
    [InlineData("""{ "definitionId": "wait-approval", "input": { "change": 5 } }""", HttpStatusCode.BadRequest, "input.change")]
    [InlineData("""{ "definitionId": "wait-approval", "input": { "change": "C", "waves": "two" } }""", HttpStatusCode.BadRequest, "input.waves")]
    [InlineData("""{ "definitionId": "wait-approval", "input": { "change": "C", "colour": "red" } }""", HttpStatusCode.BadRequest, "input.colour")]
    [InlineData("""{ "definitionId": "wait-approval", "bogus": 1 }""", HttpStatusCode.BadRequest, "bogus")]
    [InlineData("""{ "definitionId": "wait-approval", "input": """, HttpStatusCode.BadRequest, "request body")]
    [InlineData("""{ "input": { "change": "C" } }""", HttpStatusCode.BadRequest, "definitionId")]
    public async Task Start_BadInput_ReturnsProblemNamingTheFieldAndStoresNothing(string body, HttpStatusCode status, string named)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _server.Client.PostAsync("/api/instances", content);
        var text = await response.Content.ReadAsStringAsync();
        var list = await _server.GetJsonAsync("/api/instances");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task List_ByReferenceWaitingActivityAndStartTime_FiltersAsTheConsoleDoes()
    {
        var wanted = await StartAsync(new { definitionId = "wait-approval", input = new { change = "CHG-F1" }, correlationId = "filter-ref-7" });
        var createdAt = wanted["createdAt"]!.GetValue<string>();
        await StartAsync(new { definitionId = "wait-approval", input = new { change = "CHG-F2" } });

        var byReference = await _server.GetJsonAsync("/api/instances?reference=filter-ref-7&waitingActivity=wait");
        var otherActivity = await _server.GetJsonAsync("/api/instances?reference=filter-ref-7&waitingActivity=done");
        var started = await _server.GetJsonAsync($"/api/instances?reference=filter-ref-7&from={Uri.EscapeDataString(createdAt)}");
        var notYet = await _server.GetJsonAsync($"/api/instances?reference=filter-ref-7&to={Uri.EscapeDataString(createdAt)}");
        var backwards = await _server.GetJsonAsync($"/api/instances?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", HttpStatusCode.BadRequest);

        Assert.Equal(wanted["id"]!.GetValue<string>(), Assert.Single(byReference["items"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Empty(otherActivity["items"]!.AsArray());
        Assert.Single(started["items"]!.AsArray());
        Assert.Empty(notYet["items"]!.AsArray());
        Assert.NotNull(backwards["errors"]!["to"]);
    }

    [Fact]
    public async Task List_FiltersAndPages()
    {
        for (var i = 0; i < 5; i++)
        {
            await StartAsync(new { definitionId = "wait-approval", input = new { change = $"CHG-L{i}" }, correlationId = i == 3 ? "special" : null });
        }

        var firstPage = await _server.GetJsonAsync("/api/instances?limit=2&status=Suspended");
        var secondPage = await _server.GetJsonAsync($"/api/instances?limit=2&status=Suspended&after={firstPage["next"]}");
        var byCorrelation = await _server.GetJsonAsync("/api/instances?correlationId=special");
        var badStatus = await _server.GetJsonAsync("/api/instances?status=Sleeping", HttpStatusCode.BadRequest);
        var badLimit = await _server.GetJsonAsync("/api/instances?limit=0", HttpStatusCode.BadRequest);

        Assert.Equal(2, firstPage["items"]!.AsArray().Count);
        Assert.Equal(2, secondPage["items"]!.AsArray().Count);
        Assert.Empty(firstPage["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Intersect(secondPage["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())));
        Assert.Equal("CHG-L3", Assert.Single(byCorrelation["items"]!.AsArray())!["input"]!["change"]!.GetValue<string>());
        Assert.NotNull(badStatus["errors"]!["status"]);
        Assert.NotNull(badLimit["errors"]!["limit"]);
    }

    [Fact]
    public async Task GetAndJournal_UnknownInstance_Return404()
    {
        await _server.GetJsonAsync("/api/instances/unknown", HttpStatusCode.NotFound);
        await _server.GetJsonAsync("/api/instances/unknown/journal", HttpStatusCode.NotFound);
        await _server.PostJsonAsync("/api/instances/unknown/cancel", new { }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancel_WaitingInstance_EndsCancelledAndLaterEventsHaveNoEffect()
    {
        var started = await StartAsync(new { definitionId = "wait-approval", input = new { change = "CHG-C" } });
        var id = started["id"]!.GetValue<string>();

        var cancelled = await _server.PostJsonAsync($"/api/instances/{id}/cancel", new { }, HttpStatusCode.OK);
        var again = await _server.PostJsonAsync($"/api/instances/{id}/cancel", new { }, HttpStatusCode.Conflict);
        var late = await _server.PostJsonAsync("/api/events/approval/CHG-C", new { by = "x" }, HttpStatusCode.Accepted);

        Assert.Equal("Cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Contains("finished", again["detail"]!.GetValue<string>());
        Assert.Equal(0, late["resumed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Retry_AfterTheCauseIsFixed_CompletesTheFaultedInstance()
    {
        _endpoint.Status = HttpStatusCode.ServiceUnavailable;
        var started = await StartAsync(new { definitionId = "call-out" });
        var id = started["id"]!.GetValue<string>();
        Assert.Equal("Faulted", started["status"]!.GetValue<string>());
        Assert.Equal("call", started["incident"]!["activityId"]!.GetValue<string>());

        _endpoint.Status = HttpStatusCode.OK;
        var retried = await _server.PostJsonAsync($"/api/instances/{id}/retry", new { }, HttpStatusCode.OK);
        var notFaulted = await _server.PostJsonAsync($"/api/instances/{id}/retry", new { }, HttpStatusCode.Conflict);

        Assert.Equal("Completed", retried["status"]!.GetValue<string>());
        Assert.Equal(2, _endpoint.Requests);
        Assert.Contains("no incident", notFaulted["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task RaiseEvent_BeforeTheInstanceWaits_IsBufferedAndDelivered()
    {
        var early = await _server.PostJsonAsync("/api/events/approval/CHG-EARLY", new { by = "early-bird" }, HttpStatusCode.Accepted);
        var started = await StartAsync(new { definitionId = "wait-approval", input = new { change = "CHG-EARLY" } });
        var instance = await _server.GetJsonAsync($"/api/instances/{started["id"]}");

        Assert.True(early["buffered"]!.GetValue<bool>());
        Assert.Equal("Completed", instance["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RaiseEvent_RepeatedIdempotencyKey_IsADuplicate()
    {
        await StartAsync(new { definitionId = "wait-approval", input = new { change = "CHG-D" } });
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/events/approval/CHG-D") { Content = JsonContent.Create(new { by = "a" }) };
        first.Headers.Add("Idempotency-Key", "delivery-1");
        using var second = new HttpRequestMessage(HttpMethod.Post, "/api/events/approval/CHG-D") { Content = JsonContent.Create(new { by = "a" }) };
        second.Headers.Add("Idempotency-Key", "delivery-1");

        var firstResult = JsonNode.Parse(await (await _server.Client.SendAsync(first)).Content.ReadAsStringAsync())!;
        var secondResult = JsonNode.Parse(await (await _server.Client.SendAsync(second)).Content.ReadAsStringAsync())!;

        Assert.Equal(1, firstResult["resumed"]!.GetValue<int>());
        Assert.True(secondResult["duplicate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RaiseEvent_MalformedPayload_Returns400()
    {
        using var content = new StringContent("{ not json", Encoding.UTF8, "application/json");
        using var response = await _server.Client.PostAsync("/api/events/approval/CHG-X", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("body", await response.Content.ReadAsStringAsync());
    }

    private Task<JsonNode> StartAsync(object body) => _server.PostJsonAsync("/api/instances", body, HttpStatusCode.Created);
}
