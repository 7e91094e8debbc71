using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Persistence.SideEffects;

namespace ChangeOrchestrator.IntegrationTests.Persistence.SideEffects;

public sealed class EfSideEffectLedgerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RecordAsync_KeyRecordedBefore_KeepsAndReturnsTheFirstRecord(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var key = $"{Bursts.NewId()}:raise-cr:1";
        var first = new SideEffectRecord(key, "instance-1", "raise-cr", "servicenow.change", "CHG0030012", harness.Now);

        var recorded = await harness.SideEffects.RecordAsync(first, None);
        var replay = await harness.SideEffects.RecordAsync(first with { ExternalReference = "CHG0030013", RecordedAt = harness.Now.AddMinutes(1) }, None);
        var found = await harness.SideEffects.FindAsync(key, None);

        Assert.Equal(first, recorded);
        Assert.Equal(first, replay);
        Assert.Equal(first, found);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RecordAsync_SameKeyConcurrently_EveryCallerGetsTheOneStoredRecord(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var key = $"{Bursts.NewId()}:snapshot:1";

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            harness.SideEffects.RecordAsync(new SideEffectRecord(key, "instance-1", "snapshot", "ec2.snapshot", $"snap-{i}", harness.Now), None))));

        var stored = await harness.SideEffects.FindAsync(key, None);
        Assert.NotNull(stored);
        Assert.All(results, r => Assert.Equal(stored, r));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FindAsync_UnknownKey_ReturnsNull(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);

        Assert.Null(await harness.SideEffects.FindAsync(Bursts.NewId(), None));
    }
}
