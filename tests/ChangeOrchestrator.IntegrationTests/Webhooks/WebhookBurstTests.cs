using System.Net;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Instances;
using ChangeOrchestrator.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

/// <summary>
/// A thousand approvals arriving at once for a thousand waiting instances: every delivery is acknowledged, stored
/// once and resumes its own instance exactly once. Counted from the database, not timed.
/// </summary>
public sealed class WebhookBurstTests
{
    private const int Changes = 1000;

    [Fact]
    public async Task ThousandApprovalWebhooks_ForThousandWaitingInstances_ResumeEachExactlyOnce()
    {
        await using var server = await WebhookTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Webhooks:RateLimit:PermitsPerSecond"] = "100000",
        });
        var instances = new string[Changes];
        await Parallel.ForEachAsync(Enumerable.Range(0, Changes), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            instances[i] = (await server.StartAsync("two-approvals", $"jira:BURST-{i}")).Id);

        var statuses = new HttpStatusCode[Changes];
        await Parallel.ForEachAsync(Enumerable.Range(0, Changes), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            using var response = await server.Anonymous.SendAsync(JiraDeliveries.Request(JiraDeliveries.Approved($"BURST-{i}"), JiraDeliveries.OldSecret));
            statuses[i] = response.StatusCode;
        });
        var rows = await server.SettledInboxAsync(Changes);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal(Changes, rows.Count);
        Assert.All(rows, r => Assert.Equal(WebhookInboxStatus.Processed, r.Status));
        await using var db = await server.Get<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        var journals = server.Get<IWorkflowInstanceStore>();
        var resumedPerInstance = new Dictionary<string, int>();
        foreach (var id in instances)
        {
            var journal = await journals.GetJournalAsync(id, 0, int.MaxValue, CancellationToken.None);
            resumedPerInstance[id] = journal.Count(e => e.Type == JournalEntryType.ActivityResumed);
        }

        var waitingOnSecond = await db.Set<BookmarkRow>().CountAsync(b => b.ActivityId == "second");
        Assert.All(instances, id => Assert.Equal(1, resumedPerInstance[id]));
        Assert.Equal(Changes, waitingOnSecond);
        Assert.Equal(0, await db.Set<BookmarkRow>().CountAsync(b => b.ActivityId == "first"));
    }
}
