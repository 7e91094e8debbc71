using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence.Instances;
using ChangeOrchestrator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Leases;

public sealed class TimerClaimsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ClaimDueAsync_NodesClaimingInParallel_NeverGetTheSameTimer(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var now = harness.Now;
        var due = new List<StoredBookmark>();
        var mine = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var instance = Bursts.Instance(now);
            var timers = Enumerable.Range(0, 3).Select(t => Bursts.Timer(instance, now.AddSeconds(-i - t), now, activityId: $"delay-{t}")).ToList();
            await harness.Instances.CommitAsync(Bursts.Create(instance, [.. timers, Bursts.Timer(instance, now.AddMinutes(1), now, activityId: "later")]), None);
            due.AddRange(timers);
            mine.Add(instance.Id);
        }

        var faulted = Bursts.Instance(now, InstanceStatus.Faulted);
        await harness.Instances.CommitAsync(Bursts.Create(faulted, [Bursts.Timer(faulted, now.AddMinutes(-1), now)]), None);
        mine.Add(faulted.Id);

        var claims = new List<(string Node, StoredBookmark Timer)>();
        for (var round = 0; round < 10; round++)
        {
            var nodes = new[] { "node-a", "node-b", "node-c", "node-d" };
            var results = await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
                (Node: node, Timers: await harness.TimerClaims.ClaimDueAsync(node, ClaimFor, 7, None)))));
            claims.AddRange(results.SelectMany(r => r.Timers.Select(t => (r.Node, t))));
        }

        var claimedOfMine = claims.Where(c => mine.Contains(c.Timer.InstanceId)).ToList();
        Assert.Equal(claimedOfMine.Count, claimedOfMine.Select(c => c.Timer.Id).Distinct().Count());
        Assert.Equal(due.Select(b => b.Id).Order(), claimedOfMine.Select(c => c.Timer.Id).Order());
        await using var db = await harness.DbAsync();
        var stamped = await db.Set<BookmarkRow>().Where(b => b.ClaimedBy != null).ToDictionaryAsync(b => b.Id, b => (b.ClaimedBy, b.ClaimedUntil));
        Assert.All(claimedOfMine, c => Assert.Equal((c.Node, now + ClaimFor), stamped[c.Timer.Id]));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ClaimDueAsync_ClaimRunsOutOrIsReleased_AnotherNodeTakesTheTimer(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        var timer = Bursts.Timer(instance, harness.Now.AddMinutes(-1), harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance, [timer]), None);

        async Task<bool> ClaimsAsync(string node) =>
            (await harness.TimerClaims.ClaimDueAsync(node, TimeSpan.FromMinutes(1), 10_000, None)).Any(b => b.Id == timer.Id);
        async Task<bool> FoundDueAsync() =>
            (await harness.Instances.FindDueBookmarksAsync(harness.Now, 10_000, None)).Any(b => b.Id == timer.Id);

        var claimedByA = await ClaimsAsync("node-a");
        var claimedByBWhileHeld = await ClaimsAsync("node-b");
        var dueWhileHeld = await FoundDueAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var claimedByBAfterExpiry = await ClaimsAsync("node-b");
        await harness.TimerClaims.ReleaseAsync("node-a", [timer.Id], None);
        var claimedByAAfterForeignRelease = await ClaimsAsync("node-a");
        await harness.TimerClaims.ReleaseAsync("node-b", [timer.Id], None);
        var dueAfterRelease = await FoundDueAsync();
        var claimedByAAfterRelease = await ClaimsAsync("node-a");

        Assert.Equal((true, false, false), (claimedByA, claimedByBWhileHeld, dueWhileHeld));
        Assert.Equal((true, false), (claimedByBAfterExpiry, claimedByAAfterForeignRelease));
        Assert.Equal((true, true), (dueAfterRelease, claimedByAAfterRelease));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ClaimDueAsync_TimersOfStoppedInstancesOrNotDue_AreLeftAlone(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var now = harness.Now;
        var stopped = new[] { InstanceStatus.Faulted, InstanceStatus.Completed, InstanceStatus.Cancelled }.Select(s => Bursts.Instance(now, s)).ToList();
        foreach (var instance in stopped)
        {
            await harness.Instances.CommitAsync(Bursts.Create(instance, [Bursts.Timer(instance, now.AddMinutes(-1), now)]), None);
        }

        var waiting = Bursts.Instance(now);
        var notDue = Bursts.Timer(waiting, now.AddTicks(10), now);
        await harness.Instances.CommitAsync(Bursts.Create(waiting, [notDue, Bursts.Event(waiting, "timer", string.Empty, now)]), None);
        var mine = stopped.Select(i => i.Id).Append(waiting.Id).ToHashSet();

        var claimed = await harness.TimerClaims.ClaimDueAsync("node-a", ClaimFor, 10_000, None);

        Assert.DoesNotContain(claimed, b => mine.Contains(b.InstanceId));
    }
}
