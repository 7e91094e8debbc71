using System.Net;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Webhooks;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary><c>POST /webhooks/jira</c> on PostgreSQL: what Jira sends is verified, stored, deduplicated and resumes the waiting instance once.</summary>
public sealed class JiraWebhookTests : IAsyncLifetime
{
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task OpenApiDocument_WebhookRoutes_DescribeEveryResponse()
    {
        var document = JsonNode.Parse(await _server.Server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        foreach (var desk in new[] { "servicenow", "jira" })
        {
            var responses = document["paths"]![$"/webhooks/{desk}"]!["post"]!["responses"]!.AsObject();
            Assert.Equal(["200", "202", "400", "401", "404", "413", "429"], responses.Select(r => r.Key).Order(StringComparer.Ordinal));
            Assert.NotNull(responses["202"]!["content"]!["application/json"]!["schema"]);
            Assert.NotNull(responses["200"]!["content"]!["application/json"]!["schema"]);
        }
    }

    [Theory]
    [InlineData(JiraDeliveries.OldSecret)]
    [InlineData(JiraDeliveries.NewSecret)]
    public async Task SignedTransitionToApproved_WithEitherActiveSecret_ResumesTheWaitingInstanceOnce(string secret)
    {
        var issue = "ITOPS-" + Random.Shared.Next(1000, 9999);
        var instance = await _server.StartAsync("two-approvals", "jira:" + issue);

        using var response = await _server.Anonymous.SendAsync(JiraDeliveries.Request(JiraDeliveries.Approved(issue, by: "Alex Approver"), secret));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var rows = await _server.SettledInboxAsync(1, "jira");
        var completed = await _server.CompletedAsync(instance.Id);
        var resumed = (await _server.JournalAsync(instance.Id)).Single(e => e.Type == JournalEntryType.ActivityResumed);
        Assert.Equal(WebhookInboxStatus.Processed, Assert.Single(rows).Status);
        Assert.Equal(["first"], completed);
        Assert.Equal(InstanceStatus.Suspended, (await _server.InstanceAsync(instance.Id)).Status);
        Assert.Equal("first", resumed.ActivityId);
        var output = (await _server.JournalAsync(instance.Id)).Single(e => e.Type == JournalEntryType.ActivityCompleted).Data!.ToJsonString();
        Assert.Contains("\"decision\":\"approved\"", output, StringComparison.Ordinal);
        Assert.Contains("\"by\":\"Alex Approver\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsigned_IsUnauthorizedAndRecordedWithoutBody()
    {
        using var response = await _server.Anonymous.SendAsync(JiraDeliveries.Request(JiraDeliveries.Approved("ITOPS-1"), secret: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var row = Assert.Single(await _server.InboxAsync("jira"));
        Assert.Equal((WebhookInboxStatus.Rejected, null, null), (row.Status, row.Body, row.DedupeKey));
        Assert.Equal("no X-Hub-Signature header", row.RejectionReason);
        Assert.Equal("127.0.0.1", row.RemoteIp);

        // An administrator reading the audit trail sees the rejection too, without the body.
        var audit = (await _server.Server.GetJsonAsync("/api/audit?action=webhook.rejected"))["items"]!.AsArray();
        var entry = Assert.Single(audit)!;
        Assert.Equal(("anonymous", "webhook", "jira", 401), (entry["actor"]!.GetValue<string>(), entry["objectType"]!.GetValue<string>(), entry["objectId"]!.GetValue<string>(), entry["outcome"]!.GetValue<int>()));
        Assert.Equal(("no X-Hub-Signature header", "127.0.0.1"), (entry["detail"]!.GetValue<string>(), entry["remoteIp"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("jira-webhook-secret-retired-00")]
    [InlineData(null)]
    public async Task WronglySigned_IsUnauthorizedRecordedAndResumesNothing(string? wrongSecret)
    {
        var instance = await _server.StartAsync("two-approvals", "jira:ITOPS-77");
        var body = JiraDeliveries.Approved("ITOPS-77");
        var signature = wrongSecret is null ? "sha256=" + new string('0', 64) : JiraDeliveries.Signature(body, wrongSecret);

        using var response = await _server.Anonymous.SendAsync(JiraDeliveries.Request(body, secret: null, signature: signature));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var row = Assert.Single(await _server.InboxAsync("jira"));
        Assert.Equal((WebhookInboxStatus.Rejected, "signature does not match any active secret"), (row.Status, row.RejectionReason));
        Assert.Null(row.Body);
        Assert.Empty(await _server.CompletedAsync(instance.Id));
    }

    [Fact]
    public async Task SignatureOfAnotherBody_IsUnauthorized()
    {
        var signedBody = JiraDeliveries.Approved("ITOPS-5");
        var sentBody = JiraDeliveries.Transition("ITOPS-5", "Awaiting approval", "Declined");

        using var response = await _server.Anonymous.SendAsync(
            JiraDeliveries.Request(sentBody, secret: null, signature: JiraDeliveries.Signature(signedBody, JiraDeliveries.OldSecret)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Replayed_SameIdentifier_AnswersOkWithoutEffect()
    {
        var instance = await _server.StartAsync("two-approvals", "jira:ITOPS-42");
        var body = JiraDeliveries.Approved("ITOPS-42");
        var identifier = Guid.NewGuid().ToString();

        using var first = await _server.Anonymous.SendAsync(JiraDeliveries.Request(body, JiraDeliveries.OldSecret, identifier));
        await _server.SettledInboxAsync(1, "jira");
        using var replay = await _server.Anonymous.SendAsync(JiraDeliveries.Request(body, JiraDeliveries.OldSecret, identifier));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True(JsonNode.Parse(await replay.Content.ReadAsStringAsync())!["duplicate"]!.GetValue<bool>());
        Assert.Single(await _server.InboxAsync("jira"));

        // The second wait of the same change is still waiting: the replay resumed nothing.
        Assert.Equal(["first"], await _server.CompletedAsync(instance.Id));
        Assert.Equal(InstanceStatus.Suspended, (await _server.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task Redelivered_ConcurrentlyWithOneIdentifier_IsStoredOnce()
    {
        var body = JiraDeliveries.Approved("ITOPS-43");
        var identifier = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await _server.Anonymous.SendAsync(JiraDeliveries.Request(body, JiraDeliveries.NewSecret, identifier));
            return response.StatusCode;
        }));

        Assert.Equal(1, responses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(7, responses.Count(s => s == HttpStatusCode.OK));
        Assert.Single(await _server.InboxAsync("jira"));
    }

    [Fact]
    public async Task Stale_SignedButOlderThanTheReplayWindow_IsUnauthorized()
    {
        var body = JiraDeliveries.Approved("ITOPS-8", at: TimeProvider.System.GetUtcNow().AddDays(-8));

        using var response = await _server.Anonymous.SendAsync(JiraDeliveries.Request(body, JiraDeliveries.OldSecret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var row = Assert.Single(await _server.InboxAsync("jira"));
        Assert.StartsWith("stale delivery", row.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_IsRefusedWithoutStoring()
    {
        var body = new JsonObject { ["webhookEvent"] = "jira:issue_updated", ["padding"] = new string('x', 300 * 1024) }.ToJsonString();

        using var response = await _server.Anonymous.SendAsync(JiraDeliveries.Request(body, JiraDeliveries.OldSecret));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await _server.InboxAsync());
    }

    [Theory]
    [InlineData("{\"webhookEvent\":")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task Malformed_SignedButNotAJsonObject_IsBadRequestWithoutStoring(string body)
    {
        using var response = await _server.Anonymous.SendAsync(JiraDeliveries.Request(body, JiraDeliveries.OldSecret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _server.InboxAsync());
    }

    [Fact]
    public async Task Declined_ResumesWithRejectedDecision_AndOtherTransitionsResumeNoApprovalWait()
    {
        var instance = await _server.StartAsync("two-approvals", "jira:ITOPS-90");

        using var implementing = await _server.Anonymous.SendAsync(JiraDeliveries.Request(
            JiraDeliveries.Transition("ITOPS-90", "Planning", "Awaiting approval"), JiraDeliveries.OldSecret));
        using var declined = await _server.Anonymous.SendAsync(JiraDeliveries.Request(
            JiraDeliveries.Transition("ITOPS-90", "Awaiting approval", "Declined"), JiraDeliveries.OldSecret));
        await _server.SettledInboxAsync(2, "jira");

        var completed = (await _server.JournalAsync(instance.Id)).Where(e => e.Type == JournalEntryType.ActivityCompleted).ToList();
        Assert.Equal(["first"], completed.Select(e => e.ActivityId));
        Assert.Contains("\"decision\":\"rejected\"", completed[0].Data!.ToJsonString(), StringComparison.Ordinal);
    }
}
