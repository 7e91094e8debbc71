using System.Net;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Webhooks;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary>Settings that change what the endpoints accept: basic auth for ServiceNow, an unconfigured source, the rate limit.</summary>
public sealed class WebhookConfigurationTests
{
    [Fact]
    public async Task ServiceNowBasicMode_AcceptsTheUserWithAnActiveSecretOnly()
    {
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Webhooks:ServiceNow:Mode"] = "Basic",
            ["Webhooks:ServiceNow:UserName"] = "servicenow.rule",
        });
        var instance = await server.StartAsync("two-approvals", "servicenow:CHG0031001");
        var body = ServiceNowDeliveries.Approved("CHG0031001");

        using var sharedHeader = await server.Anonymous.SendAsync(ServiceNowDeliveries.Request(body, ServiceNowDeliveries.OldSecret));
        using var wrongUser = await server.Anonymous.SendAsync(ServiceNowDeliveries.BasicRequest(body, "admin", ServiceNowDeliveries.OldSecret));
        using var wrongPassword = await server.Anonymous.SendAsync(ServiceNowDeliveries.BasicRequest(body, "servicenow.rule", "not-the-password-at-all"));
        using var rotated = await server.Anonymous.SendAsync(ServiceNowDeliveries.BasicRequest(body, "servicenow.rule", ServiceNowDeliveries.NewSecret));

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Accepted],
            new[] { sharedHeader.StatusCode, wrongUser.StatusCode, wrongPassword.StatusCode, rotated.StatusCode });
        var rows = await server.SettledInboxAsync(4);
        Assert.Equal(3, rows.Count(r => r.Status == WebhookInboxStatus.Rejected));
        Assert.Equal(["first"], await server.CompletedAsync(instance.Id));
    }

    [Fact]
    public async Task SourceWithoutSecret_IsNotFoundAndStoresNothing()
    {
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Webhooks:ServiceNow:Secrets:0"] = null,
            ["Webhooks:ServiceNow:Secrets:1"] = null,
        });

        using var serviceNow = await server.Anonymous.SendAsync(ServiceNowDeliveries.Request(ServiceNowDeliveries.Approved("CHG0031002"), ServiceNowDeliveries.OldSecret));
        using var jira = await server.Anonymous.SendAsync(JiraDeliveries.Request(JiraDeliveries.Approved("ITOPS-3"), JiraDeliveries.OldSecret));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Accepted), (serviceNow.StatusCode, jira.StatusCode));
        Assert.Equal("jira", Assert.Single(await server.InboxAsync()).Source);
    }

    [Fact]
    public async Task DeliveryWhoseProcessingCannotSucceed_IsParkedWithTheErrorAndOthersGoOn()
    {
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Webhooks:StartRules:0:Source"] = "servicenow",
            ["Webhooks:StartRules:0:Event"] = "change.updated",
            ["Webhooks:StartRules:0:Match:0:Path"] = "state",
            ["Webhooks:StartRules:0:Match:0:EqualTo"] = "-5",
            ["Webhooks:StartRules:0:DefinitionId"] = "no-such-flow",
        });
        var instance = await server.StartAsync("two-approvals", "servicenow:CHG0031004");

        using var poison = await server.Anonymous.SendAsync(ServiceNowDeliveries.Request(ServiceNowDeliveries.Change("CHG0031005", "-5", "not requested"), ServiceNowDeliveries.OldSecret));
        using var fine = await server.Anonymous.SendAsync(ServiceNowDeliveries.Request(ServiceNowDeliveries.Approved("CHG0031004"), ServiceNowDeliveries.OldSecret));
        var rows = await server.SettledInboxAsync(2);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (poison.StatusCode, fine.StatusCode));
        var parked = Assert.Single(rows, r => r.Status == WebhookInboxStatus.Parked);
        Assert.Contains("no-such-flow", parked.LastError, StringComparison.Ordinal);
        Assert.Equal(1, parked.Attempts);
        Assert.Null(parked.NextAttemptAt);
        Assert.Single(rows, r => r.Status == WebhookInboxStatus.Processed);
        Assert.Equal(["first"], await server.CompletedAsync(instance.Id));
    }

    [Fact]
    public async Task RateLimit_BurstBeyondTheBucket_IsTooManyRequestsForTheExcessOnly()
    {
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?> { ["Webhooks:RateLimit:PermitsPerSecond"] = "2" });

        var statuses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var response = await server.Anonymous.SendAsync(JiraDeliveries.Request(JiraDeliveries.Approved($"ITOPS-{i}"), JiraDeliveries.OldSecret));
            return response.StatusCode;
        }));
        using var otherSource = await server.Anonymous.SendAsync(ServiceNowDeliveries.Request(ServiceNowDeliveries.Approved("CHG0031003"), ServiceNowDeliveries.OldSecret));

        var limited = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
        Assert.InRange(limited, 1, 28);
        Assert.Equal(30 - limited, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(30 - limited, (await server.InboxAsync("jira")).Count);
        Assert.Equal(HttpStatusCode.Accepted, otherSource.StatusCode);
    }
}
