using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Definitions;

public sealed class EfWorkflowDefinitionStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddAsync_ExistingVersion_ThrowsAndKeepsTheOriginal(PersistenceProvider provider)
    {
        var id = $"flow-{Bursts.NewId()}";
        StoredDefinition original;
        await using (var harness = await fixture.HarnessAsync(provider))
        {
            original = await harness.PublishAsync(LogWorkflow.Json(id, "first"));
            var rewrite = new StoredDefinition(original.Definition, LogWorkflow.Json(id, "rewritten"), "another-hash", harness.Now.AddDays(1));

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Definitions.AddAsync(rewrite, None));
            Assert.Contains("exists already", refused.Message);
        }

        // A new node reads the database, not a cache.
        await using var restarted = await fixture.HarnessAsync(provider);
        var stored = await restarted.Definitions.FindAsync(id, 1, None);
        Assert.NotNull(stored);
        Assert.Equal((original.Json, original.ContentHash, original.PublishedAt), (stored.Json, stored.ContentHash, stored.PublishedAt));
        Assert.Equal("first", stored.Definition.Activities[0].Inputs["message"].Literal!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FindAsync_SeveralVersions_ReturnsTheAskedOrTheLatestWithItsStoredVersion(PersistenceProvider provider)
    {
        var id = $"flow-{Bursts.NewId()}";
        await using (var publisher = await fixture.HarnessAsync(provider))
        {
            await publisher.PublishAsync(LogWorkflow.Json(id, "one"));
            await publisher.PublishAsync(LogWorkflow.Json(id, "two"));
            await publisher.PublishAsync(LogWorkflow.Json(id, "three"));
        }

        await using var harness = await fixture.HarnessAsync(provider);
        var latest = await harness.Definitions.FindAsync(id, null, None);
        var second = await harness.Definitions.FindAsync(id, 2, None);
        var missing = await harness.Definitions.FindAsync(id, 4, None);
        var unknown = await harness.Definitions.FindAsync($"{id}-unknown", null, None);

        Assert.Equal(3, latest!.Definition.Version);
        Assert.Contains("\"three\"", latest.Json);
        Assert.Equal(2, second!.Definition.Version);
        Assert.Contains("\"two\"", second.Json);
        Assert.Equal(id, second.Definition.Id);
        Assert.Null(missing);
        Assert.Null(unknown);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListLatestAsync_SeveralDefinitions_ReturnsTheLatestOfEachInIdOrder(PersistenceProvider provider)
    {
        var prefix = $"list-{Bursts.NewId()}";
        await using var harness = await fixture.HarnessAsync(provider);
        await harness.PublishAsync(LogWorkflow.Json($"{prefix}-b", "b1"));
        await harness.PublishAsync(LogWorkflow.Json($"{prefix}-a", "a1"));
        await harness.PublishAsync(LogWorkflow.Json($"{prefix}-b", "b2"));
        await harness.PublishAsync(LogWorkflow.Json($"{prefix}-a-z", "az1"));

        var mine = (await harness.Definitions.ListLatestAsync(None)).Where(d => d.Definition.Id.StartsWith(prefix)).ToList();

        Assert.Equal([($"{prefix}-a", 1), ($"{prefix}-a-z", 1), ($"{prefix}-b", 2)], mine.Select(d => (d.Definition.Id, d.Definition.Version)));
    }
}
