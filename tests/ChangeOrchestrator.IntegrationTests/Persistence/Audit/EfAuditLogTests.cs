using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Persistence.Audit;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Audit;

public sealed class EfAuditLogTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Query_FiltersAndPages_OnEachProvider(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var log = harness.Get<IAuditLog>();
        var actor = $"actor-{Guid.NewGuid():N}";
        var first = await log.AppendAsync(Entry(actor, "instance.start", "i-1"), CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await log.AppendAsync(Entry(actor, "instance.cancel", "i-1"), CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var last = await log.AppendAsync(Entry(actor, "event.raise", "approval/x_%"), CancellationToken.None);

        var instances = await log.QueryAsync(new AuditQuery { Actor = actor, Action = "instance.*" }, CancellationToken.None);
        var page = await log.QueryAsync(new AuditQuery { Actor = actor, Limit = 2 }, CancellationToken.None);
        var rest = await log.QueryAsync(new AuditQuery { Actor = actor, Limit = 2, After = page.Next }, CancellationToken.None);
        var timed = await log.QueryAsync(new AuditQuery { Actor = actor, From = first.At.AddSeconds(1), To = last.At }, CancellationToken.None);
        var literal = await log.QueryAsync(new AuditQuery { Actor = actor, ObjectType = "instance", ObjectId = "i-1", Action = "instance.c*" }, CancellationToken.None);
        var wildcardIsNotLike = await log.QueryAsync(new AuditQuery { Actor = actor, Action = "instance_*" }, CancellationToken.None);

        Assert.Equal(["instance.start", "instance.cancel"], instances.Items.Select(e => e.Action));
        Assert.Equal(2, page.Items.Count);
        Assert.Equal(page.Items[^1].Id, page.Next);
        Assert.Equal([last.Id], rest.Items.Select(e => e.Id));
        Assert.Null(rest.Next);
        Assert.Equal(["instance.cancel"], timed.Items.Select(e => e.Action));
        Assert.Equal(["instance.cancel"], literal.Items.Select(e => e.Action));
        Assert.Empty(wildcardIsNotLike.Items);
        Assert.Equal(PersistenceHarness.Start, first.At);
        Assert.True(first.Id < last.Id);
    }

    private static AuditEntry Entry(string actor, string action, string objectId) => new()
    {
        Actor = actor,
        AuthScheme = "api-key",
        Action = action,
        ObjectType = action.Split('.')[0],
        ObjectId = objectId,
        RemoteIp = "127.0.0.1",
        Outcome = 200,
    };
}
