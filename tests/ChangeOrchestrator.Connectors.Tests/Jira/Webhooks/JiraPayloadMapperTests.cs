using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Jira.Webhooks;

public sealed class JiraPayloadMapperTests
{
    [Theory]
    [InlineData("Authorized", ChangeEventKind.Approved)]
    [InlineData("Refused", ChangeEventKind.Rejected)]
    [InlineData("Withdrawn", ChangeEventKind.Cancelled)]
    [InlineData("Awaiting implementation", ChangeEventKind.StateChanged)]
    public async Task Map_StatusesNamedForTheConnector_DecideTheWebhookEventToo(string status, ChangeEventKind kind)
    {
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ServiceDesk:Jira:Statuses:Scheduled"] = "Authorized",
                ["ServiceDesk:Jira:Statuses:Declined"] = "Refused",
                ["ServiceDesk:Jira:Statuses:Canceled"] = "Withdrawn",
            }).Build())
            .AddServiceDeskWebhooks()
            .BuildServiceProvider();
        var jira = services.GetServices<WebhookSource>().Single(s => s.Name == "jira");

        var notification = jira.Mapper.Map(Transition("ITOPS-7", status));

        var change = Assert.Single(notification.Events);
        Assert.Equal((kind, "jira:ITOPS-7", status), (change.Kind, change.Key, change.State));
    }

    private static JsonObject Transition(string key, string to) => new()
    {
        ["timestamp"] = 1_764_000_000_000,
        ["webhookEvent"] = "jira:issue_updated",
        ["user"] = new JsonObject { ["displayName"] = "Ada Lovelace" },
        ["issue"] = new JsonObject { ["key"] = key },
        ["changelog"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["fieldId"] = "status", ["toString"] = to }) },
    };
}
