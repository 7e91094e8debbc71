using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Instances;

public sealed class EfWorkflowInstanceQueriesTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAndCount_ByChangeNumberWaitingActivityAndStartTime_MatchExactlyThoseInstances(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var now = harness.Now;
        var raised = Bursts.Instance(now);
        raised.Steps["raise"] = new JsonObject { ["desk"] = "servicenow", ["number"] = "CHG0031234", ["key"] = "servicenow:CHG0031234" };
        var correlated = new WorkflowInstance { Id = Bursts.NewId(), DefinitionId = "test-flow", DefinitionVersion = 1, CorrelationId = "ref-b", Status = InstanceStatus.Suspended, CreatedAt = now.AddHours(1), UpdatedAt = now.AddHours(1) };
        var finished = Bursts.Instance(now.AddHours(2), InstanceStatus.Completed);
        await harness.Instances.CommitAsync(Bursts.Create(raised, [Bursts.Event(raised, "approval", "servicenow:CHG0031234", now, activityId: "approval")]), None);
        await harness.Instances.CommitAsync(Bursts.Create(correlated, [Bursts.Timer(correlated, now.AddDays(1), now, activityId: "window")]), None);
        await harness.Instances.CommitAsync(Bursts.Create(finished), None);
        var queries = harness.Get<IWorkflowInstanceQueries>();

        async Task<string[]> IdsAsync(InstanceQuery query) => [.. (await queries.ListAsync(query, None)).Items.Select(i => i.Id).Order(StringComparer.Ordinal)];
        string[] Ids(params WorkflowInstance[] instances) => [.. instances.Select(i => i.Id).Order(StringComparer.Ordinal)];

        Assert.Equal(Ids(raised), await IdsAsync(new InstanceQuery { Reference = "CHG0031234" }));
        Assert.Equal(Ids(correlated), await IdsAsync(new InstanceQuery { Reference = "ref-b" }));
        Assert.Empty(await IdsAsync(new InstanceQuery { Reference = "CHG003123" }));
        Assert.Equal(Ids(raised), await IdsAsync(new InstanceQuery { WaitingActivity = "approval" }));
        Assert.Equal(Ids(raised), await IdsAsync(new InstanceQuery { RaisedChange = true }));
        Assert.Equal(Ids(correlated, finished), await IdsAsync(new InstanceQuery { CreatedFrom = now.AddMinutes(30) }));
        Assert.Equal(Ids(raised, correlated), await IdsAsync(new InstanceQuery { CreatedFrom = now, CreatedBefore = now.AddMinutes(90) }));
        Assert.Equal(2, await queries.CountAsync(new InstanceQuery { Status = InstanceStatus.Suspended }, None));
        Assert.Equal(1, await queries.CountAsync(new InstanceQuery { WaitingActivity = "window", Status = InstanceStatus.Suspended }, None));
        var byStatus = await queries.CountByStatusAsync(None);
        Assert.Equal(2, byStatus[InstanceStatus.Suspended]);
        Assert.Equal(1, byStatus[InstanceStatus.Completed]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_SummaryOnly_PagesTheSameInstancesWithoutTheirState(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var now = harness.Now;
        var instances = new List<WorkflowInstance>();
        for (var i = 0; i < 3; i++)
        {
            var created = now.AddMinutes(i);
            var instance = new WorkflowInstance { Id = Bursts.NewId(), DefinitionId = "summary-flow", DefinitionVersion = 1, Status = InstanceStatus.Suspended, CreatedAt = created, UpdatedAt = created };
            instance.Steps["scan"] = new JsonObject { ["instances"] = new JsonArray("i-1", "i-2") };
            await harness.Instances.CommitAsync(Bursts.Create(instance), None);
            instances.Add(instance);
        }

        var queries = harness.Get<IWorkflowInstanceQueries>();
        var full = await queries.ListAsync(new InstanceQuery { DefinitionId = "summary-flow", Limit = 2 }, None);
        var summary = await queries.ListAsync(new InstanceQuery { DefinitionId = "summary-flow", Limit = 2, SummaryOnly = true }, None);
        var rest = await queries.ListAsync(new InstanceQuery { DefinitionId = "summary-flow", Limit = 2, SummaryOnly = true, After = summary.Next }, None);

        Assert.Equal(full.Items.Select(i => (i.Id, i.Status, i.DefinitionId, i.CreatedAt)), summary.Items.Select(i => (i.Id, i.Status, i.DefinitionId, i.CreatedAt)));
        Assert.Equal(full.Next, summary.Next);
        Assert.All(full.Items, i => Assert.NotNull(i.Steps["scan"]));
        Assert.All(summary.Items, i => Assert.Empty(i.Steps));
        Assert.Single(rest.Items);
        Assert.Equal(instances.Select(i => i.Id).Order(StringComparer.Ordinal), summary.Items.Concat(rest.Items).Select(i => i.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Versions_StoredAndUnknownIds_AnswersEachStoredInstancesVersionOnly(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        // Of a workflow and a time of their own: the database is shared with the other tests of the class, whose lists
        // count and filter by status and start time.
        var started = harness.Now.AddYears(-1);
        var first = new WorkflowInstance { Id = Bursts.NewId(), DefinitionId = "versions-flow", DefinitionVersion = 1, Status = InstanceStatus.Faulted, CreatedAt = started, UpdatedAt = started };
        var second = new WorkflowInstance { Id = Bursts.NewId(), DefinitionId = "versions-flow", DefinitionVersion = 1, Status = InstanceStatus.Cancelled, CreatedAt = started, UpdatedAt = started };
        var firstVersion = await harness.Instances.CommitAsync(Bursts.Create(first), None);
        var secondVersion = await harness.Instances.CommitAsync(Bursts.Create(second), None);
        var queries = harness.Get<IWorkflowInstanceQueries>();

        var versions = await queries.VersionsAsync([first.Id, second.Id, first.Id, Bursts.NewId()], None);

        Assert.Equal(new Dictionary<string, long> { [first.Id] = firstVersion, [second.Id] = secondVersion }, versions);
        Assert.Empty(await queries.VersionsAsync([], None));
    }
}
