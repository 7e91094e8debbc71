using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence.Instances;
using ChangeOrchestrator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Instances;

/// <summary>A commit's journal entries are one row; databases whose journal was a row per entry keep every entry.</summary>
public sealed class JournalStorageTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string OneRowPerBurst = "_JournalOneRowPerBurst";
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CommitAsync_BurstsOfManyEntries_WriteOneRowEach(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var instance = Bursts.Instance(harness.Now);
        await harness.Instances.CommitAsync(Bursts.Create(instance, journal: Entries(instance, harness.Now, 22)), None);
        await harness.Instances.CommitAsync(Bursts.Update(instance, 1, journal: Entries(instance, harness.Now, 3)), None);
        await harness.Instances.CommitAsync(Bursts.Update(instance, 2), None);

        await using var db = await harness.DbAsync();
        var rows = await db.Set<JournalBurstRow>().Where(j => j.InstanceId == instance.Id).OrderBy(j => j.LastSequence).ToListAsync();

        Assert.Equal([(1L, 22L), (23L, 25L)], rows.Select(r => (r.FirstSequence, r.LastSequence)));
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), (await harness.JournalAsync(instance.Id)).Select(e => e.Sequence));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrations_DownToARowPerEntryAndUpAgain_KeepEveryEntryExactly(PersistenceProvider provider)
    {
        // A database of its own: the test takes its schema back a step.
        await using TestDatabase database = provider == PersistenceProvider.Postgres
            ? await PostgresTestDatabase.CreateAsync()
            : await SqliteTestDatabase.CreateAsync();
        await using var harness = new PersistenceHarness(database);
        var instance = Bursts.Instance(harness.Now);
        var wholeSecond = harness.Now.AddMilliseconds(-harness.Now.Millisecond);
        await harness.Instances.CommitAsync(Bursts.Create(instance, journal:
        [
            Bursts.Entry(instance, wholeSecond, JournalEntryType.InstanceStarted, "Started \"quoted\" — ünïcode"),
            Bursts.Entry(instance, harness.Now.AddTicks(12_340), JournalEntryType.ActivitySuspended, null, JsonNode.Parse("""{"kind":"approval","n":1.50,"none":null,"list":[1,"two",{}]}""")),
            Bursts.Entry(instance, harness.Now.AddTicks(7_000_010), JournalEntryType.Message, "text data", JsonValue.Create("only a string")),
        ]), None);
        await harness.Instances.CommitAsync(Bursts.Update(instance, 1, journal: [Bursts.Entry(instance, harness.Now.AddMinutes(1), JournalEntryType.InstanceCompleted)]), None);
        var written = await harness.JournalAsync(instance.Id);
        await using var db = await harness.DbAsync();
        var migrator = db.Database.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith(OneRowPerBurst, StringComparison.Ordinal)) - 1];

        await migrator.MigrateAsync(before);
        var rowsPerEntry = await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM journal_entries WHERE instance_id = {0}", instance.Id).SingleAsync();
        await migrator.MigrateAsync();
        var read = await harness.JournalAsync(instance.Id);
        var rowsAfter = await db.Set<JournalBurstRow>().CountAsync(j => j.InstanceId == instance.Id);

        Assert.Equal(4, rowsPerEntry);
        Assert.Equal(4, rowsAfter);
        Assert.Equal(
            written.Select(e => (e.InstanceId, e.Sequence, e.At, e.Type, e.ActivityId, e.Message, e.Data?.ToJsonString())),
            read.Select(e => (e.InstanceId, e.Sequence, e.At, e.Type, e.ActivityId, e.Message, e.Data?.ToJsonString())));
    }

    private static List<JournalEntry> Entries(WorkflowInstance instance, DateTimeOffset at, int count) =>
        Enumerable.Range(0, count).Select(i => Bursts.Entry(instance, at.AddMilliseconds(i), JournalEntryType.Message, $"m{i}", new JsonObject { ["i"] = i })).ToList();
}
