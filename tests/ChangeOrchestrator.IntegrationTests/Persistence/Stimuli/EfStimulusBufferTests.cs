using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence.Stimuli;
using ChangeOrchestrator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Stimuli;

public sealed class EfStimulusBufferTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryMarkSeenAsync_SameIdWithinRetention_IsRefusedUntilItExpires(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var id = Bursts.NewId();

        var first = await harness.Stimuli.TryMarkSeenAsync(id, harness.Now.AddHours(1), None);
        var again = await harness.Stimuli.TryMarkSeenAsync(id, harness.Now.AddHours(2), None);
        harness.Time.Advance(TimeSpan.FromHours(1));
        var afterRetention = await harness.Stimuli.TryMarkSeenAsync(id, harness.Now.AddHours(1), None);
        var againAfterRenewal = await harness.Stimuli.TryMarkSeenAsync(id, harness.Now.AddHours(1), None);

        Assert.Equal((true, false, true, false), (first, again, afterRetention, againAfterRenewal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryMarkSeenAsync_SameIdConcurrently_AcceptsExactlyOne(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var id = Bursts.NewId();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => harness.Stimuli.TryMarkSeenAsync(id, harness.Now.AddHours(1), None))));

        Assert.Single(results, accepted => accepted);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FindPendingAsync_KindAndKey_ReturnsMatchingInArrivalOrderWithPayload(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var key = Bursts.NewId();
        var later = new Stimulus(Bursts.NewId(), "approval", key, new JsonObject { ["by"] = "bob", ["n"] = 1.10m }, harness.Now.AddSeconds(2));
        var earlier = new Stimulus(Bursts.NewId(), "approval", key, null, harness.Now.AddSeconds(1));
        await harness.Stimuli.AddPendingAsync(later, harness.Now.AddDays(1), None);
        await harness.Stimuli.AddPendingAsync(earlier, harness.Now.AddDays(1), None);
        await harness.Stimuli.AddPendingAsync(later with { Payload = new JsonObject { ["by"] = "replayed" } }, harness.Now.AddDays(1), None);
        await harness.Stimuli.AddPendingAsync(new Stimulus(Bursts.NewId(), "rejection", key, null, harness.Now), harness.Now.AddDays(1), None);
        await harness.Stimuli.AddPendingAsync(new Stimulus(Bursts.NewId(), "approval", key + "x", null, harness.Now), harness.Now.AddDays(1), None);

        var pending = await harness.Stimuli.FindPendingAsync("approval", key, None);

        Assert.Equal([earlier.Id, later.Id], pending.Select(s => s.Id));
        Assert.Equal((earlier.ReceivedAt, later.ReceivedAt), (pending[0].ReceivedAt, pending[1].ReceivedAt));
        Assert.Null(pending[0].Payload);
        Assert.Equal("""{"by":"bob","n":1.10}""", pending[1].Payload!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ExpireAsync_ExpiredPending_MovesThemToDeadLettersAndForgetsExpiredSeenIds(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var key = Bursts.NewId();
        var expiring = new Stimulus(Bursts.NewId(), "approval", key, new JsonObject { ["by"] = "late" }, harness.Now);
        var kept = new Stimulus(Bursts.NewId(), "approval", key, null, harness.Now);
        await harness.Stimuli.AddPendingAsync(expiring, harness.Now.AddHours(1), None);
        await harness.Stimuli.AddPendingAsync(kept, harness.Now.AddHours(3), None);
        var seenExpiring = Bursts.NewId();
        var seenKept = Bursts.NewId();
        await harness.Stimuli.TryMarkSeenAsync(seenExpiring, harness.Now.AddHours(1), None);
        await harness.Stimuli.TryMarkSeenAsync(seenKept, harness.Now.AddHours(3), None);
        harness.Time.Advance(TimeSpan.FromHours(2));

        var moved = await harness.Stimuli.ExpireAsync(harness.Now, None);

        Assert.True(moved >= 1, $"moved {moved}");
        Assert.Equal([kept.Id], (await harness.Stimuli.FindPendingAsync("approval", key, None)).Select(s => s.Id));
        await using var db = await harness.DbAsync();
        var dead = await db.Set<DeadLetteredStimulusRow>().SingleAsync(d => d.StimulusId == expiring.Id);
        Assert.Equal(("approval", key, """{"by":"late"}"""), (dead.Kind, dead.Key, dead.Payload));
        Assert.Equal((expiring.ReceivedAt, harness.Now.AddHours(-1), harness.Now), (dead.ReceivedAt, dead.ExpiredAt, dead.DeadLetteredAt));
        Assert.False(await db.Set<DeadLetteredStimulusRow>().AnyAsync(d => d.StimulusId == kept.Id));
        Assert.Equal([seenKept], await db.Set<SeenStimulusRow>().Where(s => s.Id == seenExpiring || s.Id == seenKept).Select(s => s.Id).ToListAsync());
        Assert.Equal(0, await harness.Stimuli.ExpireAsync(harness.Now, None));
    }
}
