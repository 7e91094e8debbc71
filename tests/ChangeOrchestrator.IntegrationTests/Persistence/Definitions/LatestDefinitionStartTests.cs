using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Persistence.Instances;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Definitions;

/// <summary>A start without a version runs on the latest one, even when another node published it a moment before.</summary>
public sealed class LatestDefinitionStartTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StartAsync_NewerVersionPublishedByAnotherNode_RunsOnTheNewerVersion(PersistenceProvider provider)
    {
        var id = $"flow-{Bursts.NewId()}";
        await using var nodeA = await fixture.HarnessAsync(provider);
        await using var nodeB = await fixture.HarnessAsync(provider);
        await nodeA.PublishAsync(LogWorkflow.Json(id, "first"));
        var onFirst = await StartAsync(nodeB, id);

        await nodeA.PublishAsync(LogWorkflow.Json(id, "second"));
        var onSecond = await StartAsync(nodeB, id);
        var thenToo = await StartAsync(nodeB, id);

        Assert.Equal((1, InstanceStatus.Completed), (onFirst.DefinitionVersion, onFirst.Status));
        Assert.Equal((2, InstanceStatus.Completed), (onSecond.DefinitionVersion, onSecond.Status));
        Assert.Equal(2, thenToo.DefinitionVersion);
        await using var db = await nodeB.DbAsync();
        Assert.Equal(3, await db.Set<InstanceRow>().CountAsync(i => i.DefinitionId == id));
    }

    [Fact]
    public async Task CommitAsync_StartOnAVersionThatIsNoLongerTheLatest_RefusesAndStoresNothing()
    {
        var id = $"flow-{Bursts.NewId()}";
        await using var harness = await fixture.HarnessAsync(PersistenceProvider.Postgres);
        await harness.PublishAsync(LogWorkflow.Json(id, "first"));
        await harness.PublishAsync(LogWorkflow.Json(id, "second"));
        var instance = Bursts.Instance(harness.Now, definitionId: id, definitionVersion: 1);
        var start = Bursts.Create(instance, journal: [Bursts.Entry(instance, harness.Now, JournalEntryType.InstanceStarted)]) with { RequiresLatestDefinition = true };
        var latest = Bursts.Instance(harness.Now, definitionId: id, definitionVersion: 2);

        var stale = await Assert.ThrowsAsync<StaleDefinitionException>(() => harness.Instances.CommitAsync(start, None));

        Assert.Equal((id, 1), (stale.DefinitionId, stale.Version));
        Assert.Null(await harness.Instances.FindAsync(instance.Id, None));
        Assert.Empty(await harness.JournalAsync(instance.Id));
        Assert.Equal(1, await harness.Instances.CommitAsync(Bursts.Create(latest) with { RequiresLatestDefinition = true }, None));
    }

    private static Task<WorkflowInstance> StartAsync(PersistenceHarness node, string id) =>
        node.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = id }, None);
}
