using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Persistence.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.IntegrationTests.Audit;

/// <summary>
/// The audit log as the API writes and shows it: one entry per mutating call and per refused credential, stamped by
/// the server's clock, read back by an Admin through <c>GET /api/audit</c> in keyset pages.
/// </summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private const string ExpiredKey = "audit-expired-key-0006";
    private static readonly DateTimeOffset Start = new(2026, 11, 3, 9, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(
        _workflows.Path,
        new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:4:Name"] = "retired-ci",
            ["Auth:ApiKeys:4:Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ExpiredKey))),
            ["Auth:ApiKeys:4:Roles:0"] = "Admin",
            ["Auth:ApiKeys:4:ExpiresAt"] = "2026-01-01T00:00:00Z",
        },
        services => services.AddSingleton<TimeProvider>(_time));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task MutatingCalls_AreRecordedWithWhoWhatWhichWhenAndWhere()
    {
        using var operatorClient = _server.Server.ClientWithKey(TestKeys.ByRole["Operator"]);
        operatorClient.DefaultRequestHeaders.UserAgent.ParseAdd("agent/" + new string('x', 400));
        using var designer = _server.Server.ClientWithKey(TestKeys.ByRole["Designer"]);

        using var started = await operatorClient.PostAsJsonAsync("/api/instances", new { definitionId = "wait-approval", input = new { change = "CHG-A1" } });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        _time.Advance(TimeSpan.FromMinutes(1));
        using var raised = await operatorClient.PostAsJsonAsync("/api/events/approval/CHG-A1", new { by = "ann" });
        using var cancelled = await operatorClient.PostAsync("/api/instances/no-such-instance/cancel", null);
        using var published = await designer.PostAsync("/api/definitions", new StringContent(TestWorkflows.FailOnce, Encoding.UTF8, "application/json"));
        using var republished = await designer.PostAsync("/api/definitions", new StringContent(TestWorkflows.FailOnce, Encoding.UTF8, "application/json"));
        using var read = await operatorClient.GetAsync($"/api/instances/{instanceId}");

        var items = (await AuditAsync("/api/audit")).ToList();

        Assert.Equal(
            [
                ("instance.start", "test-operator", "instance", instanceId, 201),
                ("event.raise", "test-operator", "event", "approval/CHG-A1", 202),
                ("instance.cancel", "test-operator", "instance", "no-such-instance", 404),
                ("definition.publish", "test-designer", "definition", "fail-once", 201),
                ("definition.publish", "test-designer", "definition", "fail-once", 200),
            ],
            items.Select(e => (Text(e, "action"), Text(e, "actor"), Text(e, "objectType"), Text(e, "objectId"), e["outcome"]!.GetValue<int>())));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.All(items, e => Assert.Equal("api-key", Text(e, "authScheme")));
        Assert.All(items, e => Assert.Equal("127.0.0.1", Text(e, "remoteIp")));
        Assert.Equal(Start, items[0]["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(Start.AddMinutes(1), items[1]["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(256, Text(items[0], "userAgent")!.Length);
        Assert.Equal("version 1, unchanged", Text(items[4], "detail"));
    }

    [Fact]
    public async Task RefusedCredentialsAndRoles_AreRecordedAsFailures()
    {
        using var unknown = _server.Server.ClientWithKey("not-a-key-at-all");
        using var expired = _server.Server.ClientWithKey(ExpiredKey);
        using var viewer = _server.Server.ClientWithKey(TestKeys.ByRole["Viewer"]);
        using var anonymous = _server.Server.ClientWithKey(null);

        using var r1 = await unknown.GetAsync("/api/definitions");
        using var r2 = await expired.PostAsJsonAsync("/api/instances", new { definitionId = "wait-approval" });
        using var r3 = await viewer.PostAsJsonAsync("/api/instances", new { definitionId = "wait-approval" });
        using var r4 = await viewer.GetAsync("/api/audit");
        using var r5 = await anonymous.GetAsync("/api/definitions");

        var items = (await AuditAsync("/api/audit")).ToList();

        Assert.Equal(
            [
                ("auth.failed", "anonymous", "GET /api/definitions", 401, "Unknown API key."),
                ("auth.failed", "retired-ci", "POST /api/instances", 401, "API key 'retired-ci' expired at 2026-01-01T00:00:00.0000000+00:00."),
                ("instance.start", "test-viewer", null, 403, null),
                ("access.denied", "test-viewer", "GET /api/audit", 403, null),
            ],
            items.Select(e => (Text(e, "action"), Text(e, "actor"), Text(e, "objectId"), e["outcome"]!.GetValue<int>(), Text(e, "detail"))));
        Assert.Equal(HttpStatusCode.Unauthorized, r5.StatusCode);
    }

    [Fact]
    public async Task Query_PagesByIdAndFilters()
    {
        using var operatorClient = _server.Server.ClientWithKey(TestKeys.ByRole["Operator"]);
        for (var i = 0; i < 5; i++)
        {
            using var response = await operatorClient.PostAsJsonAsync($"/api/events/page/{i}", new { i });
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        using var viewerCancel = await _server.Server.ClientWithKey(TestKeys.ByRole["Viewer"]).PostAsync("/api/instances/abc/cancel", null);

        var pages = new List<JsonArray>();
        string? after = null;
        do
        {
            var page = await _server.Server.GetJsonAsync($"/api/audit?limit=2{(after is null ? "" : "&after=" + after)}");
            pages.Add(page["items"]!.AsArray());
            after = page["next"]?.ToJsonString();
        }
        while (after is not null);

        var ids = pages.SelectMany(p => p).Select(e => e!["id"]!.GetValue<long>()).ToList();
        Assert.Equal([2, 2, 2, 0], pages.Select(p => p.Count));
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(6, ids.Distinct().Count());

        Assert.Equal(5, (await AuditAsync("/api/audit?actor=test-operator")).Count());
        Assert.Equal(["test-viewer"], (await AuditAsync("/api/audit?action=instance.cancel")).Select(e => Text(e, "actor")));
        Assert.Equal(["page/3"], (await AuditAsync("/api/audit?object=event:page/3")).Select(e => Text(e, "objectId")));
        Assert.Equal(5, (await AuditAsync("/api/audit?object=event")).Count());
        Assert.Equal(6, (await AuditAsync("/api/audit?action=*")).Count());
        var from = Uri.EscapeDataString(Start.AddMinutes(10).ToString("O"));
        var to = Uri.EscapeDataString(Start.AddMinutes(30).ToString("O"));
        Assert.Equal(["page/1", "page/2"], (await AuditAsync($"/api/audit?from={from}&to={to}")).Select(e => Text(e, "objectId")));
    }

    [Theory]
    [InlineData("/api/audit?limit=0", "limit")]
    [InlineData("/api/audit?limit=501", "limit")]
    [InlineData("/api/audit?from=yesterday", "from")]
    [InlineData("/api/audit?after=abc", "after")]
    [InlineData("/api/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    public async Task Query_BadParameter_IsAProblemNamingIt(string url, string named)
    {
        using var response = await _server.Server.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, text, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditLog_OffersNoWayToChangeOrRemoveAnEntry()
    {
        var methods = typeof(IAuditLog).GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["AppendAsync", "QueryAsync"], methods);
    }

    [Fact]
    public async Task Append_FromAnotherComponent_IsStampedByTheLogAndCutToFit()
    {
        var log = _server.Server.Services.GetRequiredService<IAuditLog>();

        var stored = await log.AppendAsync(
            new AuditEntry { Actor = "servicenow", Action = "webhook.rejected", ObjectType = "webhook", ObjectId = new string('n', 1000), Outcome = 401, Detail = "bad signature\0" },
            CancellationToken.None);
        var read = await AuditAsync("/api/audit?action=webhook.rejected");

        Assert.Equal(Start, stored.At);
        Assert.Equal(300, stored.ObjectId!.Length);
        Assert.Equal("bad signature", stored.Detail);
        Assert.Equal(stored.Id, Assert.Single(read)["id"]!.GetValue<long>());
    }

    private async Task<IEnumerable<JsonNode>> AuditAsync(string url) =>
        (await _server.Server.GetJsonAsync(url))["items"]!.AsArray().Select(e => e!);

    private static string? Text(JsonNode entry, string name) => entry[name]?.GetValue<string>();
}
