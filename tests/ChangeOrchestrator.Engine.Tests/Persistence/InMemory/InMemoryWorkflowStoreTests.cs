using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Persistence.InMemory;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.Engine.Tests.Persistence.InMemory;

public sealed class InMemoryWorkflowStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task CommitAsync_NewInstance_ReturnsVersionOneAndLeavesTheBurstAlone()
    {
        var store = new InMemoryWorkflowStore(_time);
        var instance = Instance();

        var version = await store.CommitAsync(Commit(instance, expectedVersion: null), None);

        Assert.Equal(1, version);
        Assert.Equal(0, instance.Version);
        Assert.Equal(1, (await store.FindAsync(instance.Id, None))!.Version);
    }

    [Fact]
    public async Task CommitAsync_FromTheStoredVersion_ReturnsTheNext()
    {
        var store = new InMemoryWorkflowStore(_time);
        var instance = Instance();
        var first = await store.CommitAsync(Commit(instance, expectedVersion: null), None);

        var second = await store.CommitAsync(Commit(instance, expectedVersion: first), None);

        Assert.Equal(2, second);
        Assert.Equal(2, (await store.FindAsync(instance.Id, None))!.Version);
    }

    [Fact]
    public async Task CommitAsync_FromAnOlderVersion_ThrowsConflict()
    {
        var store = new InMemoryWorkflowStore(_time);
        var instance = Instance();
        await store.CommitAsync(Commit(instance, expectedVersion: null), None);
        await store.CommitAsync(Commit(instance, expectedVersion: 1), None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(Commit(instance, expectedVersion: 1), None));
    }

    private WorkflowInstance Instance() => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        DefinitionId = "test-flow",
        DefinitionVersion = 1,
        Status = InstanceStatus.Suspended,
        CreatedAt = _time.GetUtcNow(),
    };

    private static BurstCommit Commit(WorkflowInstance instance, long? expectedVersion) =>
        new(new BurstResult(instance, [], [], []), expectedVersion, []);
}
