using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Instances;

/// <summary>The batched first reads of an event give what the two store calls one after the other give.</summary>
public sealed class PostgresEventLookupsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task FindAsync_WithoutStimulusId_GivesTheEventBookmarksOfTheKeyInCreationOrder()
    {
        await using var harness = await fixture.HarnessAsync(PersistenceProvider.Postgres);
        var key = Bursts.NewId();
        var first = Bursts.Instance(harness.Now);
        var second = Bursts.Instance(harness.Now);
        var later = Bursts.Event(first, "approval", key, harness.Now.AddSeconds(2));
        var earlier = Bursts.Event(second, "approval", key, harness.Now.AddSeconds(1));
        await harness.Instances.CommitAsync(Bursts.Create(first, [later, Bursts.Event(first, "approval", "other-key", harness.Now), Bursts.Timer(first, harness.Now.AddHours(1), harness.Now)]), None);
        await harness.Instances.CommitAsync(Bursts.Create(second, [earlier, Bursts.Event(second, "rejection", key, harness.Now)]), None);

        var lookup = await harness.Get<IEventLookups>().FindAsync(null, "approval", key, None);

        Assert.Null(lookup.Seen);
        Assert.Equal([earlier, later], lookup.Waiting);
        Assert.Equal(await harness.Instances.FindBookmarksAsync("approval", key, None), lookup.Waiting);
    }

    [Fact]
    public async Task FindAsync_StimulusIdAppliedBuffered_OrExpired_GivesWhatFindSeenGives()
    {
        await using var harness = await fixture.HarnessAsync(PersistenceProvider.Postgres);
        var instance = Bursts.Instance(harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance), None);
        var applied = new AppliedStimulus("delivery-applied", harness.Now.AddMinutes(-5), harness.Now.AddHours(1));
        await harness.Instances.CommitAsync(Bursts.Update(instance, 1) with { Applied = applied }, None);
        await harness.Stimuli.TryMarkSeenAsync("delivery-buffered", harness.Now.AddHours(1), None);
        await harness.Stimuli.TryMarkSeenAsync("delivery-expiring", harness.Now.AddMinutes(1), None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var lookups = harness.Get<IEventLookups>();

        var found = new List<SeenStimulus?>();
        var expected = new List<SeenStimulus?>();
        foreach (var id in new[] { "delivery-applied", "delivery-buffered", "delivery-expiring", "delivery-never" })
        {
            found.Add((await lookups.FindAsync(id, "approval", "CHG-none", None)).Seen);
            expected.Add(await harness.Stimuli.FindSeenAsync(id, None));
        }

        Assert.Equal([new SeenStimulus(applied.FirstReceivedAt), new SeenStimulus(null), null, null], found);
        Assert.Equal(expected, found);
    }
}
