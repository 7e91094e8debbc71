using System.Net;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Webhooks;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary><c>POST /webhooks/servicenow</c> on PostgreSQL with the shared-secret header of a business rule.</summary>
public sealed class ServiceNowWebhookTests : IAsyncLifetime
{
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(ServiceNowDeliveries.OldSecret)]
    [InlineData(ServiceNowDeliveries.NewSecret)]
    public async Task ApprovedChange_WithEitherActiveSecret_ResumesTheWaitingInstanceOnce(string secret)
    {
        var instance = await _server.StartAsync("two-approvals", "servicenow:CHG0030001");

        using var response = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(ServiceNowDeliveries.Approved("CHG0030001"), secret));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(WebhookInboxStatus.Processed, Assert.Single(await _server.SettledInboxAsync(1)).Status);
        var completed = (await _server.JournalAsync(instance.Id)).Where(e => e.Type == JournalEntryType.ActivityCompleted).ToList();
        Assert.Equal(["first"], completed.Select(e => e.ActivityId));
        Assert.Contains("\"decision\":\"approved\"", completed[0].Data!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Suspended, (await _server.InstanceAsync(instance.Id)).Status);
    }

    [Theory]
    [InlineData(null, "no X-Webhook-Token header")]
    [InlineData("servicenow-shared-secret-wrong", "X-Webhook-Token does not match any active secret")]
    [InlineData("servicenow-shared-secret-old-0", "X-Webhook-Token does not match any active secret")]
    public async Task MissingOrWrongSecret_IsUnauthorizedRecordedWithoutBodyAndResumesNothing(string? secret, string reason)
    {
        var instance = await _server.StartAsync("two-approvals", "servicenow:CHG0030002");

        using var response = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(ServiceNowDeliveries.Approved("CHG0030002"), secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var row = Assert.Single(await _server.InboxAsync("servicenow"));
        Assert.Equal((WebhookInboxStatus.Rejected, reason, null), (row.Status, row.RejectionReason, row.Body));
        Assert.Empty(await _server.CompletedAsync(instance.Id));
    }

    [Fact]
    public async Task Replayed_SameBodyWithoutDeliveryId_AnswersOkWithoutEffect()
    {
        var instance = await _server.StartAsync("two-approvals", "servicenow:CHG0030003");
        var body = ServiceNowDeliveries.Approved("CHG0030003");

        using var first = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(body, ServiceNowDeliveries.OldSecret));
        await _server.SettledInboxAsync(1);
        using var replay = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(body, ServiceNowDeliveries.NewSecret));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        var row = Assert.Single(await _server.InboxAsync());
        Assert.StartsWith("sha256:", row.DedupeKey, StringComparison.Ordinal);
        Assert.Equal(["first"], await _server.CompletedAsync(instance.Id));
    }

    [Fact]
    public async Task Redelivered_WithTheSameDeliveryId_IsOneDelivery()
    {
        using var first = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(ServiceNowDeliveries.Change("CHG0030004", "-4", "requested"), ServiceNowDeliveries.OldSecret, "d-1"));
        using var again = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(ServiceNowDeliveries.Change("CHG0030004", "-4", "requested"), ServiceNowDeliveries.OldSecret, "d-1"));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal("id:d-1", Assert.Single(await _server.InboxAsync()).DedupeKey);
    }

    [Fact]
    public async Task CancelledAndStateChanges_RaiseTheirOwnStimuliNotApprovals()
    {
        var instance = await _server.StartAsync("two-approvals", "servicenow:CHG0030005");

        using var assess = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(ServiceNowDeliveries.Change("CHG0030005", "-4", "requested"), ServiceNowDeliveries.OldSecret));
        using var implement = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(ServiceNowDeliveries.Change("CHG0030005", "-1", "approved"), ServiceNowDeliveries.OldSecret));
        using var cancelled = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(ServiceNowDeliveries.Change("CHG0030005", "4", "approved"), ServiceNowDeliveries.OldSecret));
        var rows = await _server.SettledInboxAsync(3);

        Assert.All(rows, r => Assert.Equal(WebhookInboxStatus.Processed, r.Status));
        Assert.Empty(await _server.CompletedAsync(instance.Id));
    }

    [Fact]
    public async Task Oversized_IsRefusedWithoutStoring()
    {
        var body = new JsonObject { ["number"] = "CHG0030006", ["padding"] = new string('x', 257 * 1024) }.ToJsonString();

        using var response = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(body, ServiceNowDeliveries.OldSecret));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await _server.InboxAsync());
    }

    [Theory]
    [InlineData("number=CHG0030007&state=-2")]
    [InlineData("\"just a string\"")]
    public async Task Malformed_IsBadRequestWithoutStoring(string body)
    {
        using var response = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(body, ServiceNowDeliveries.OldSecret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _server.InboxAsync());
    }

    [Fact]
    public async Task Stale_UpdatedOnOlderThanTheReplayWindow_IsUnauthorized()
    {
        var body = ServiceNowDeliveries.Approved("CHG0030008", at: TimeProvider.System.GetUtcNow().AddDays(-30));

        using var response = await _server.Anonymous.SendAsync(ServiceNowDeliveries.Request(body, ServiceNowDeliveries.OldSecret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(WebhookInboxStatus.Rejected, Assert.Single(await _server.InboxAsync()).Status);
    }
}
