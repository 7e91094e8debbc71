using System.Net;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Durability.Support;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Persistence.Webhooks;

namespace ChangeOrchestrator.IntegrationTests.Webhooks.Support;

/// <summary>
/// The one approval delivery the webhook fault drills send, from ServiceNow or Jira, and what they read back: the
/// inbox row once it settled and the activities the instance completed.
/// </summary>
internal static class DrillDeliveries
{
    public static string ChangeOf(string source) => source == "jira" ? "jira:ITOPS-77" : "servicenow:CHG0030077";

    public static async Task DeliverAsync(ServerProcess node, string source)
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
        using var request = source == "jira"
            ? JiraDeliveries.Request(JiraDeliveries.Approved("ITOPS-77"), JiraDeliveries.OldSecret)
            : ServiceNowDeliveries.Request(ServiceNowDeliveries.Approved("CHG0030077"), ServiceNowDeliveries.OldSecret, deliveryId: "delivery-77");
        using var response = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public static async Task<WebhookInboxRow> SettledAsync(StimulusDrill drill) =>
        Assert.Single(await Eventually.WaitAsync(drill.InboxAsync, rows => rows.All(r => r.Status != WebhookInboxStatus.Pending)));

    public static async Task<List<string?>> CompletedAsync(StimulusDrill drill, string instanceId) =>
        (await drill.Harness.JournalAsync(instanceId)).Where(e => e.Type == JournalEntryType.ActivityCompleted).Select(e => e.ActivityId).ToList();
}
