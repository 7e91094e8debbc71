using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence.Instances;
using ChangeOrchestrator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Instances;

public sealed class EfWorkflowInstanceStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CommitAsync_NewInstanceWithEveryPart_ReadsBackExactly(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var now = harness.Now;
        var instance = FullInstance(now);
        var bookmarks = new[] { Bursts.Event(instance, "approval", "servicenow:CHG0030012", now), Bursts.Timer(instance, now.AddHours(1), now) };
        var journal = new[]
        {
            Bursts.Entry(instance, now, JournalEntryType.InstanceStarted, "Started"),
            Bursts.Entry(instance, now.AddMilliseconds(5), JournalEntryType.ActivitySuspended, null, JsonNode.Parse("""[{"kind":"approval","n":1.50}]""")),
        };

        var version = await harness.Instances.CommitAsync(Bursts.Create(instance, bookmarks, journal), None);
        var stored = await harness.InstanceAsync(instance.Id);

        Assert.Equal(1, version);
        Assert.Equal(0, instance.Version);
        Assert.Equal(1, stored.Version);
        Assert.Equal((instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.CorrelationId, instance.Status),
            (stored.Id, stored.DefinitionId, stored.DefinitionVersion, stored.CorrelationId, stored.Status));
        Assert.Equal((instance.Cancelling, instance.JournalSequence, instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt),
            (stored.Cancelling, stored.JournalSequence, stored.CreatedAt, stored.UpdatedAt, stored.FinishedAt));
        AssertSameJson(instance.Input, stored.Input);
        AssertSameJson(instance.Variables, stored.Variables);
        AssertSameJson(instance.Steps, stored.Steps);
        Assert.Equal(9007199254740993L, stored.Input["big"]!.GetValue<long>());
        Assert.Equal(12345678901234567890.123456789m, stored.Input["exact"]!.GetValue<decimal>());
        Assert.Equal(0.1, stored.Input["ratio"]!.GetValue<double>());
        Assert.Equal(2, stored.Variables["Flag"]!.GetValue<int>());
        Assert.Equal(3, stored.Variables["flag"]!.GetValue<int>());

        var (activityId, state) = Assert.Single(stored.Activities);
        var expectedState = instance.Activities["WaitForApproval"];
        Assert.Equal("WaitForApproval", activityId);
        Assert.Equal((expectedState.Attempt, expectedState.Executions, expectedState.Waiting), (state.Attempt, state.Executions, state.Waiting));
        Assert.Equal(expectedState.TimeoutAt, state.TimeoutAt);
        Assert.Equal(expectedState.TimeoutAt!.Value.Offset, state.TimeoutAt!.Value.Offset);
        AssertSameJson(expectedState.Data, state.Data);

        Assert.Equal(instance.Queue.Count, stored.Queue.Count);
        Assert.Equal(instance.Queue.Select(q => (q.ActivityId, q.From, q.Resumption?.Bookmark)), stored.Queue.Select(q => (q.ActivityId, q.From, q.Resumption?.Bookmark)));
        AssertSameJson(instance.Queue[0].Resumption!.Payload, stored.Queue[0].Resumption!.Payload);
        Assert.Equal(instance.Incident, stored.Incident);

        var storedBookmarks = await harness.Instances.GetBookmarksAsync(instance.Id, None);
        Assert.Equal(bookmarks.OrderBy(b => b.Id), storedBookmarks.OrderBy(b => b.Id));
        var storedJournal = await harness.JournalAsync(instance.Id);
        Assert.Equal(journal.Select(j => (j.InstanceId, j.Sequence, j.At, j.Type, j.ActivityId, j.Message)),
            storedJournal.Select(j => (j.InstanceId, j.Sequence, j.At, j.Type, j.ActivityId, j.Message)));
        AssertSameJson(journal[1].Data, storedJournal[1].Data);
        Assert.Null(storedJournal[0].Data);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WritePageAsync_PagesAheadOfTheCommit_ReplaceTheirPositionsEndTheListAndAreKeptByTheCommitThatNamesThem(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        var version = await harness.Instances.CommitAsync(new BurstCommit(new BurstResult(instance, [], [], [], []), ExpectedVersion: null, []), None);
        var results = harness.Get<IStepResultStore>();
        static ResultList Page(int first, int count) =>
            new("scan", "instances", [.. Enumerable.Range(first, count).Select(i => (JsonNode?)new JsonObject { ["instanceId"] = $"i-{i:D4}", ["state"] = "Success" })]);

        // An execution that wrote 1,500 servers and never committed, then its re-run writing 1,200 in pages of 500 and
        // ending the list there.
        await results.WritePageAsync(instance.Id, Page(0, 1_000), 0, endsList: false, None);
        await results.WritePageAsync(instance.Id, Page(1_000, 500), 1_000, endsList: false, None);
        await results.WritePageAsync(instance.Id, Page(0, 500), 0, endsList: false, None);
        await results.WritePageAsync(instance.Id, Page(500, 500), 500, endsList: false, None);
        await results.WritePageAsync(instance.Id, Page(1_000, 200), 1_000, endsList: false, None);
        var before = (await results.ListsAsync(instance.Id, None)).Single().Count;
        await results.WritePageAsync(instance.Id, Page(1_200, 0), 1_200, endsList: true, None);

        // The commit replaces the activity's other output lists and keeps the written one.
        await harness.Instances.CommitAsync(new BurstCommit(new BurstResult(instance, [], [], [], [new ResultReplacement("scan", null, [new ResultList("scan", "failures", [JsonValue.Create("i-9999")])])
        {
            Keeping = new HashSet<string>(["instances"], StringComparer.Ordinal),
        }]), ExpectedVersion: version, []), None);

        var lists = await results.ListsAsync(instance.Id, None);
        Assert.Equal(1_500, before);
        Assert.Equal([("scan", "failures", 1), ("scan", "instances", 1_200)], lists.Select(l => (l.Activity, l.Name, l.Count)));
        var last = await results.ReadAsync(new ResultQuery(instance.Id) { Activity = "scan", Name = "instances", Server = "i-11" }, None);
        Assert.Equal(Enumerable.Range(1_100, 50), last.Items.Select(i => i.Ordinal));
        Assert.All(last.Items, i => Assert.Equal($"i-{i.Ordinal:D4}", i.ServerId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CommitAsync_BurstWithLongPerServerLists_StoresEveryItemInOrder(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        // More items than one statement could take as a parameter per value, with and without a server and a state.
        JsonNode?[] servers = [.. Enumerable.Range(0, 12_001).Select(i => (JsonNode?)new JsonObject
        {
            ["instanceId"] = $"i-{i:x17}",
            ["state"] = i % 3 == 0 ? "Failed" : "Success",
            ["note"] = i % 1_000 == 0 ? "quote \" ' and ünïcode" : null,
        })];
        JsonNode?[] plain = [JsonValue.Create(1), null, new JsonArray(1, 2), JsonValue.Create("mi-0123456789abcdef0")];
        var lists = new ResultReplacement("scan", null, [new ResultList("scan", "servers", servers), new ResultList("scan", "extra", plain)]);
        var burst = new BurstResult(instance, [], [], [], [lists]);

        await harness.Instances.CommitAsync(new BurstCommit(burst, ExpectedVersion: null, []), None);

        var results = harness.Get<IStepResultStore>();
        var read = new List<ResultItem>();
        ResultKey? after = null;
        do
        {
            var page = await results.ReadAsync(new ResultQuery(instance.Id) { Activity = "scan", Name = "servers", After = after, Limit = ResultQuery.MaxLimit }, None);
            read.AddRange(page.Items);
            after = page.Next is { } next ? ResultKey.Parse(next) : null;
        }
        while (after is not null);

        Assert.Equal(servers.Length, read.Count);
        Assert.Equal(Enumerable.Range(0, servers.Length), read.Select(r => r.Ordinal));
        Assert.Equal(servers.Select(s => s!["instanceId"]!.GetValue<string>()), read.Select(r => r.ServerId));
        Assert.Equal(servers.Select(s => s!["state"]!.GetValue<string>()), read.Select(r => r.State));
        AssertSameJson(servers[3_000], read[3_000].Data);
        AssertSameJson(servers[12_000], read[12_000].Data);

        var extra = await results.ReadAsync(new ResultQuery(instance.Id) { Activity = "scan", Name = "extra" }, None);
        Assert.Equal([null, null, null, "mi-0123456789abcdef0"], extra.Items.Select(i => i.ServerId));
        Assert.All(extra.Items, i => Assert.Null(i.State));
        Assert.Equal(plain.Select(p => p?.ToJsonString()), extra.Items.Select(i => i.Data?.ToJsonString()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CommitAsync_ResumeBurstReplacingALongListWithALongerOne_StoresTheNewListWhole(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        static JsonNode?[] Servers(string prefix, int count) =>
            [.. Enumerable.Range(0, count).Select(i => (JsonNode?)new JsonObject { ["instanceId"] = $"{prefix}-{i}" })];
        await harness.Instances.CommitAsync(
            new BurstCommit(new BurstResult(instance, [], [], [], [new ResultReplacement("scan", null, [new ResultList("scan", "servers", Servers("old", 2_500))])]), ExpectedVersion: null, []), None);

        instance.Variables["rescanned"] = true;
        var replaced = new ResultReplacement("scan", null, [new ResultList("scan", "servers", Servers("new", 4_100))]);
        await harness.Instances.CommitAsync(new BurstCommit(new BurstResult(instance, [], [], [], [replaced]), ExpectedVersion: 1, []), None);

        var results = harness.Get<IStepResultStore>();
        Assert.Equal([("scan", "servers", 4_100)], (await results.ListsAsync(instance.Id, None)).Select(l => (l.Activity, l.Name, l.Count)));
        var last = await results.ReadAsync(new ResultQuery(instance.Id) { Activity = "scan", Name = "servers", After = new ResultKey("scan", "servers", 4_097) }, None);
        Assert.Equal(["new-4098", "new-4099"], last.Items.Select(i => i.ServerId));
        Assert.True((await harness.InstanceAsync(instance.Id)).Variables["rescanned"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CommitAsync_ResumeBurst_ReplacesBookmarksAndAppendsJournal(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        var waiting = Bursts.Event(instance, "approval", Bursts.NewId(), harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance, [waiting], [Bursts.Entry(instance, harness.Now, JournalEntryType.InstanceStarted)]), None);

        instance.Status = InstanceStatus.Completed;
        instance.FinishedAt = harness.Now.AddMinutes(1);
        instance.Variables["result"] = "done";
        var next = Bursts.Timer(instance, harness.Now.AddDays(1), harness.Now);
        await harness.Instances.CommitAsync(
            Bursts.Update(instance, 1, added: [next], removed: [waiting.Id], journal: [Bursts.Entry(instance, harness.Now, JournalEntryType.InstanceCompleted)]), None);

        var stored = await harness.InstanceAsync(instance.Id);
        Assert.Equal((2L, InstanceStatus.Completed, instance.FinishedAt), (stored.Version, stored.Status, stored.FinishedAt));
        Assert.Equal("done", stored.Variables["result"]!.GetValue<string>());
        Assert.Equal([next.Id], (await harness.Instances.GetBookmarksAsync(instance.Id, None)).Select(b => b.Id));
        Assert.Equal([JournalEntryType.InstanceStarted, JournalEntryType.InstanceCompleted], (await harness.JournalAsync(instance.Id)).Select(j => j.Type));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CommitAsync_TwoBurstsFromSameVersion_ExactlyOneWins(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance), None);
        var bursts = new[] { "left", "right" }.Select(marker =>
        {
            var copy = instance.Clone();
            copy.Variables["winner"] = marker;
            return Bursts.Update(copy, 1, journal: [Bursts.Entry(copy, harness.Now, JournalEntryType.Message, marker)]);
        }).ToList();

        var outcomes = await Task.WhenAll(bursts.Select(async burst =>
        {
            try
            {
                await harness.Instances.CommitAsync(burst, None);
                return (Burst: burst, Won: true);
            }
            catch (ConcurrencyConflictException)
            {
                return (Burst: burst, Won: false);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Won).Burst;
        var marker = winner.Burst.Instance.Variables["winner"]!.GetValue<string>();
        var stored = await harness.InstanceAsync(instance.Id);
        Assert.Equal(2, stored.Version);
        Assert.Equal(marker, stored.Variables["winner"]!.GetValue<string>());
        Assert.Equal([marker], (await harness.JournalAsync(instance.Id)).Select(j => j.Message));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CommitAsync_NewInstanceIdTaken_ThrowsConflictAndKeepsTheFirst(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var first = Bursts.Instance(harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(first), None);
        var second = first.Clone();
        second.Version = 0;
        second.Variables["second"] = true;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => harness.Instances.CommitAsync(Bursts.Create(second), None));

        Assert.False((await harness.InstanceAsync(first.Id)).Variables.ContainsKey("second"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CommitAsync_NewInstanceIdTakenWithListsOfManyChunks_ThrowsConflictAndStoresNoneOfTheirRows(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var first = Bursts.Instance(harness.Now);
        JsonNode?[] kept = [.. Enumerable.Range(0, 3).Select(i => (JsonNode?)new JsonObject { ["instanceId"] = $"i-first-{i}" })];
        await harness.Instances.CommitAsync(
            new BurstCommit(new BurstResult(first, [], [], [], [new ResultReplacement("scan", null, [new ResultList("scan", "servers", kept)])]), ExpectedVersion: null, []), None);
        var second = first.Clone();
        second.Version = 0;
        // Rows enough for several chunks on PostgreSQL, where they follow the failed batch in its transaction.
        JsonNode?[] servers = [.. Enumerable.Range(0, 4_500).Select(i => (JsonNode?)new JsonObject { ["instanceId"] = $"i-second-{i}" })];
        var lists = new ResultReplacement("scan", null, [new ResultList("scan", "servers", servers), new ResultList("scan", "other", servers)]);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            harness.Instances.CommitAsync(new BurstCommit(new BurstResult(second, [], [], [], [lists]), ExpectedVersion: null, []), None));

        var results = harness.Get<IStepResultStore>();
        var stored = await results.ListsAsync(first.Id, None);
        Assert.Equal([("scan", "servers", 3)], stored.Select(l => (l.Activity, l.Name, l.Count)));
        var page = await results.ReadAsync(new ResultQuery(first.Id) { Activity = "scan", Name = "servers" }, None);
        Assert.Equal(["i-first-0", "i-first-1", "i-first-2"], page.Items.Select(i => i.ServerId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CommitAsync_ConsumedStimulusAlreadyGone_ThrowsConflictAndAppliesNothing(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        var waiting = Bursts.Event(instance, "approval", Bursts.NewId(), harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance, [waiting], [Bursts.Entry(instance, harness.Now, JournalEntryType.InstanceStarted)]), None);
        var present = new Stimulus(Bursts.NewId(), "approval", waiting.Bookmark.Key, null, harness.Now);
        await harness.Stimuli.AddPendingAsync(present, harness.Now.AddDays(1), None);

        var burst = instance.Clone();
        burst.Status = InstanceStatus.Completed;
        var commit = Bursts.Update(burst, 1,
            added: [Bursts.Timer(burst, harness.Now, harness.Now)],
            removed: [waiting.Id],
            journal: [Bursts.Entry(burst, harness.Now, JournalEntryType.InstanceCompleted)],
            consumed: [present.Id, "consumed-by-someone-else"]);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => harness.Instances.CommitAsync(commit, None));

        Assert.Contains("stimulus", conflict.Message);
        var stored = await harness.InstanceAsync(instance.Id);
        Assert.Equal((1L, InstanceStatus.Suspended), (stored.Version, stored.Status));
        Assert.Equal([waiting.Id], (await harness.Instances.GetBookmarksAsync(instance.Id, None)).Select(b => b.Id));
        Assert.Single(await harness.JournalAsync(instance.Id));
        Assert.Equal([present.Id], (await harness.Stimuli.FindPendingAsync("approval", waiting.Bookmark.Key, None)).Select(s => s.Id));
    }

    /// <summary>One removed id and several go out as different statements on PostgreSQL; both must check every id.</summary>
    [Theory]
    [InlineData(PersistenceProvider.Sqlite, 1)]
    [InlineData(PersistenceProvider.Sqlite, 3)]
    [InlineData(PersistenceProvider.Postgres, 1)]
    [InlineData(PersistenceProvider.Postgres, 3)]
    public async Task CommitAsync_RemovedBookmarkAlreadyGone_ThrowsConflictWhilePresentOnesAreRemoved(PersistenceProvider provider, int removedCount)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        var waiting = Enumerable.Range(0, removedCount).Select(n => Bursts.Event(instance, "approval", Bursts.NewId(), harness.Now.AddSeconds(n))).ToList();
        await harness.Instances.CommitAsync(Bursts.Create(instance, waiting), None);
        var removed = waiting.Select(b => b.Id).ToList();

        var stale = instance.Clone();
        var gone = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => harness.Instances.CommitAsync(
            Bursts.Update(stale, 1, removed: [.. removed.Skip(1), "removed-by-someone-else"]), None));
        var stored = await harness.InstanceAsync(instance.Id);
        var kept = (await harness.Instances.GetBookmarksAsync(instance.Id, None)).Select(b => b.Id).ToList();
        await harness.Instances.CommitAsync(Bursts.Update(instance, 1, removed: removed), None);

        Assert.Contains(instance.Id, gone.Message);
        Assert.Equal(1L, stored.Version);
        Assert.Equal(removed, kept);
        Assert.Empty(await harness.Instances.GetBookmarksAsync(instance.Id, None));
        Assert.Equal(2L, (await harness.InstanceAsync(instance.Id)).Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CommitAsync_ConsumedStimulusPresent_DeletesIt(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance), None);
        var key = Bursts.NewId();
        var pending = new Stimulus(Bursts.NewId(), "approval", key, new JsonObject { ["by"] = "ann" }, harness.Now);
        await harness.Stimuli.AddPendingAsync(pending, harness.Now.AddDays(1), None);

        await harness.Instances.CommitAsync(Bursts.Update(instance, 1, consumed: [pending.Id]), None);

        Assert.Empty(await harness.Stimuli.FindPendingAsync("approval", key, None));
        Assert.Equal(2, (await harness.InstanceAsync(instance.Id)).Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FindBookmarksAsync_KindAndKey_ReturnsEventBookmarksOfEveryInstance(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var key = $"servicenow:{Bursts.NewId()}";
        var first = Bursts.Instance(harness.Now);
        var second = Bursts.Instance(harness.Now);
        var matching = new[] { Bursts.Event(first, "approval", key, harness.Now), Bursts.Event(second, "approval", key, harness.Now) };
        await harness.Instances.CommitAsync(Bursts.Create(first, [matching[0], Bursts.Event(first, "approval", key + "-other", harness.Now)]), None);
        await harness.Instances.CommitAsync(Bursts.Create(second, [matching[1], Bursts.Event(second, "rejection", key, harness.Now), Bursts.Timer(second, harness.Now, harness.Now)]), None);

        var found = await harness.Instances.FindBookmarksAsync("approval", key, None);

        Assert.Equal(matching.OrderBy(b => b.Id), found.OrderBy(b => b.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FindDueBookmarksAsync_MixedInstances_ReturnsDueTimersOfRunnableInstancesEarliestFirst(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var now = harness.Now;
        var suspended = Bursts.Instance(now);
        var running = Bursts.Instance(now, InstanceStatus.Running);
        var faulted = Bursts.Instance(now, InstanceStatus.Faulted);
        var completed = Bursts.Instance(now, InstanceStatus.Completed);
        var dueLater = Bursts.Timer(suspended, now.AddMinutes(-1), now);
        var dueFirst = Bursts.Timer(running, now.AddMinutes(-2).ToOffset(TimeSpan.FromHours(5)), now);
        var dueNow = Bursts.Timer(suspended, now, now, activityId: "other");
        await harness.Instances.CommitAsync(Bursts.Create(suspended, [dueLater, dueNow, Bursts.Timer(suspended, now.AddMinutes(1), now, activityId: "future")]), None);
        await harness.Instances.CommitAsync(Bursts.Create(running, [dueFirst, Bursts.Event(running, "approval", Bursts.NewId(), now)]), None);
        await harness.Instances.CommitAsync(Bursts.Create(faulted, [Bursts.Timer(faulted, now.AddMinutes(-3), now)]), None);
        await harness.Instances.CommitAsync(Bursts.Create(completed, [Bursts.Timer(completed, now.AddMinutes(-3), now)]), None);
        var mine = new[] { suspended.Id, running.Id, faulted.Id, completed.Id };

        var due = (await harness.Instances.FindDueBookmarksAsync(now, 10_000, None)).Where(b => mine.Contains(b.InstanceId)).ToList();
        var limited = await harness.Instances.FindDueBookmarksAsync(now, 1, None);

        Assert.Equal([dueFirst.Id, dueLater.Id, dueNow.Id], due.Select(b => b.Id));
        Assert.Equal(dueFirst.Bookmark.DueAt, due[0].Bookmark.DueAt);
        Assert.Single(limited);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetJournalAsync_AfterSequenceWithLimit_PagesInOrder(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        var firstBurst = Enumerable.Range(1, 5).Select(i => Bursts.Entry(instance, harness.Now.AddSeconds(i), JournalEntryType.Message, $"m{i}", new JsonObject { ["i"] = i })).ToList();
        await harness.Instances.CommitAsync(Bursts.Create(instance, journal: firstBurst), None);
        var secondBurst = Enumerable.Range(6, 3).Select(i => Bursts.Entry(instance, harness.Now.AddSeconds(i), JournalEntryType.Message, $"m{i}")).ToList();
        await harness.Instances.CommitAsync(Bursts.Update(instance, 1, journal: secondBurst), None);

        var page1 = await harness.Instances.GetJournalAsync(instance.Id, 0, 3, None);
        var page2 = await harness.Instances.GetJournalAsync(instance.Id, page1[^1].Sequence, 3, None);
        var page3 = await harness.Instances.GetJournalAsync(instance.Id, page2[^1].Sequence, 3, None);
        var past = await harness.Instances.GetJournalAsync(instance.Id, 8, 3, None);

        Assert.Equal([1L, 2, 3], page1.Select(e => e.Sequence));
        Assert.Equal([4L, 5, 6], page2.Select(e => e.Sequence));
        Assert.Equal([7L, 8], page3.Select(e => e.Sequence));
        Assert.Empty(past);
        Assert.Equal(["m4", "m5", "m6"], page2.Select(e => e.Message));
        Assert.Equal(harness.Now.AddSeconds(4), page2[0].At);
        Assert.Equal(4, page2[0].Data!["i"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CommitAsync_InstanceAndLease_CommitLeavesTheLeaseAlone(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance), None);
        Assert.True(await harness.Leases.TryAcquireAsync(instance.Id, "node-a", TimeSpan.FromMinutes(1), None));

        await harness.Instances.CommitAsync(Bursts.Update(instance, 1), None);

        await using var db = await harness.DbAsync();
        var row = await db.Set<InstanceRow>().SingleAsync(i => i.Id == instance.Id);
        Assert.Equal(("node-a", harness.Now.AddMinutes(1)), (row.LeaseOwner, row.LeaseExpiresAt));
    }

    private static WorkflowInstance FullInstance(DateTimeOffset now)
    {
        var instance = Bursts.Instance(now, InstanceStatus.Faulted);
        return new WorkflowInstance
        {
            Id = instance.Id,
            DefinitionId = "patch-change",
            DefinitionVersion = 3,
            CorrelationId = "servicenow:CHG0030012",
            Status = InstanceStatus.Faulted,
            Input = JsonNode.Parse("""
                {"targets":["i-1","i-2"],"waveSize":2,"ratio":0.1,"big":9007199254740993,"exact":12345678901234567890.123456789,
                 "tiny":1e-7,"negative":-0.0,"text":"é \"quoted\" <tag> \u2028","nothing":null,"empty":{},"list":[]}
                """)!.AsObject(),
            Variables = new JsonObject
            {
                ["count"] = 3L,
                ["half"] = 0.5,
                ["third"] = 1.0 / 3,
                ["price"] = 10.10m,
                ["Flag"] = 2,
                ["flag"] = 3,
                ["when"] = now.ToOffset(TimeSpan.FromHours(-7)),
                ["nested"] = new JsonObject { ["list"] = new JsonArray(1, 2.5, "x", null, new JsonObject()) },
                ["missing"] = null,
            },
            Steps = new JsonObject { ["scan"] = new JsonObject { ["missing"] = new JsonArray("KB1", "KB2"), ["count"] = 2 } },
            Activities =
            {
                ["WaitForApproval"] = new ActivityRuntimeState
                {
                    Attempt = 2,
                    Executions = 1,
                    Waiting = true,
                    TimeoutAt = now.AddHours(3).ToOffset(TimeSpan.FromHours(2)),
                    Data = new JsonObject { ["Key"] = 1, ["key"] = 2.75m, ["polls"] = new JsonArray(true, false) },
                },
            },
            Queue =
            [
                new ScheduledActivity("decide", "wait", new Resumption(Bookmark.For("approval", "CHG1", "approval"), new JsonObject { ["by"] = "ann", ["score"] = 0.30m })),
                new ScheduledActivity("timeout", null, new Resumption(Bookmark.At(now.AddDays(3), StoredBookmark.TimeoutName), null)),
                new ScheduledActivity("start"),
            ],
            Incident = new Incident("patch", "SSM said \"no\"", "ActivityException", 3, now),
            Cancelling = true,
            JournalSequence = 0,
            CreatedAt = now,
            UpdatedAt = now.AddSeconds(1),
            FinishedAt = null,
        };
    }

    private static void AssertSameJson(JsonNode? expected, JsonNode? actual)
    {
        Assert.Equal(expected?.ToJsonString(), actual?.ToJsonString());
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}, read {actual?.ToJsonString()}");
    }
}
