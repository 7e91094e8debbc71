using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Leases;

public sealed class EfInstanceLeasesTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryAcquireAsync_HeldByAnotherNode_RefusedUntilTheLeaseRunsOut(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance), None);
        var lease = TimeSpan.FromMinutes(1);

        var first = await harness.Leases.TryAcquireAsync(instance.Id, "node-a", lease, None);
        var other = await harness.Leases.TryAcquireAsync(instance.Id, "node-b", lease, None);
        var renewed = await harness.Leases.TryAcquireAsync(instance.Id, "node-a", lease, None);
        harness.Time.Advance(TimeSpan.FromSeconds(59));
        var stillHeld = await harness.Leases.TryAcquireAsync(instance.Id, "node-b", lease, None);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var takenOver = await harness.Leases.TryAcquireAsync(instance.Id, "node-b", lease, None);

        Assert.Equal((true, false, true, false, true), (first, other, renewed, stillHeld, takenOver));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReleaseAsync_ByHolderOnly_FreesTheInstance(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance), None);
        var lease = TimeSpan.FromMinutes(5);
        await harness.Leases.TryAcquireAsync(instance.Id, "node-a", lease, None);

        await harness.Leases.ReleaseAsync(instance.Id, "node-b", None);
        var afterForeignRelease = await harness.Leases.TryAcquireAsync(instance.Id, "node-b", lease, None);
        await harness.Leases.ReleaseAsync(instance.Id, "node-a", None);
        var afterRelease = await harness.Leases.TryAcquireAsync(instance.Id, "node-b", lease, None);

        Assert.Equal((false, true), (afterForeignRelease, afterRelease));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryAcquireAsync_ManyNodesAtOnce_ExactlyOneGetsTheLease(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance), None);

        var acquired = await Task.WhenAll(Enumerable.Range(0, 12).Select(n =>
            Task.Run(() => harness.Leases.TryAcquireAsync(instance.Id, $"node-{n}", TimeSpan.FromMinutes(1), None))));

        Assert.Single(acquired, a => a);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryAcquireAsync_UnknownInstance_IsRefused(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);

        Assert.False(await harness.Leases.TryAcquireAsync(Bursts.NewId(), "node-a", TimeSpan.FromMinutes(1), None));
    }
}
