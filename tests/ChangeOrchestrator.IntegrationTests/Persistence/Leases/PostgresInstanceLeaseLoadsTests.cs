using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Leases;

public sealed class PostgresInstanceLeaseLoadsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task TryAcquireLoadingAsync_FreeInstance_TakesTheLeaseAndReadsTheInstanceWithItsBookmarks()
    {
        await using var harness = await fixture.HarnessAsync(PersistenceProvider.Postgres);
        var instance = Bursts.Instance(harness.Now);
        var approval = Bursts.Event(instance, "approval", "CHG-1", harness.Now);
        var timer = Bursts.Timer(instance, harness.Now.AddHours(1), harness.Now.AddSeconds(1), "reminder");
        await harness.Instances.CommitAsync(Bursts.Create(instance, [approval, timer]), None);

        var loaded = await harness.Get<IInstanceLeaseLoads>().TryAcquireLoadingAsync(instance.Id, "node-a", Lease, None);

        Assert.NotNull(loaded);
        Assert.Equal((instance.Id, 1L, instance.Status), (loaded.Instance.Id, loaded.Instance.Version, loaded.Instance.Status));
        Assert.Equal([approval.Id, timer.Id], loaded.Bookmarks.Select(b => b.Id));
        Assert.False(await harness.Leases.TryAcquireAsync(instance.Id, "node-b", Lease, None));
    }

    [Fact]
    public async Task TryAcquireLoadingAsync_HeldByAnotherNode_ReadsNothingAndLeavesTheLeaseWithItsHolder()
    {
        await using var harness = await fixture.HarnessAsync(PersistenceProvider.Postgres);
        var instance = Bursts.Instance(harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance), None);
        await harness.Leases.TryAcquireAsync(instance.Id, "node-a", Lease, None);
        var loads = harness.Get<IInstanceLeaseLoads>();

        var whileHeld = await loads.TryAcquireLoadingAsync(instance.Id, "node-b", Lease, None);
        var holderRenews = await harness.Leases.RenewAsync(instance.Id, "node-a", Lease, None);
        harness.Time.Advance(Lease);
        var afterExpiry = await loads.TryAcquireLoadingAsync(instance.Id, "node-b", Lease, None);

        Assert.Null(whileHeld);
        Assert.True(holderRenews);
        Assert.NotNull(afterExpiry);
        Assert.Equal(instance.Id, afterExpiry.Instance.Id);
    }

    [Fact]
    public async Task TryAcquireLoadingAsync_UnknownInstance_IsRefused()
    {
        await using var harness = await fixture.HarnessAsync(PersistenceProvider.Postgres);

        Assert.Null(await harness.Get<IInstanceLeaseLoads>().TryAcquireLoadingAsync(Bursts.NewId(), "node-a", Lease, None));
    }
}
