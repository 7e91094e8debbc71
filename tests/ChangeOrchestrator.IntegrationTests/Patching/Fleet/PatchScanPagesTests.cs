using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.IntegrationTests.Patching.Fleet;

/// <summary>
/// A finished scan's missing patches, read a page at a time with the next page read while the caller writes the one it
/// was given: every page once and in order, and no read still out once the caller has stopped.
/// </summary>
public sealed class PatchScanPagesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Two full pages and a part one.
    private static readonly List<string> Reported = [.. Enumerable.Range(0, 2 * PatchScan.PageSize + 500).Select(i => $"i-{i:x17}")];

    [Fact]
    public async Task FoundPagesAsync_ReadToTheEnd_ReadsEachPageOnceInOrderAndTheNextWhileTheCallerHoldsOne()
    {
        var fleet = new GatedMissingPatchFleet();
        var pages = new List<IReadOnlyList<InstanceMissingPatches>>();
        var readsStartedWhenHandedOut = new List<int>();

        await using (var reader = PatchScan.FoundPagesAsync(fleet, Scan(), CancellationToken.None).GetAsyncEnumerator())
        {
            for (var page = 0; ; page++)
            {
                var moved = reader.MoveNextAsync();
                if (page < fleet.Reads.Count)
                {
                    fleet.Reads[page].Release();
                }

                if (!await moved.AsTask().WaitAsync(Patience))
                {
                    break;
                }

                readsStartedWhenHandedOut.Add(fleet.Reads.Count);
                pages.Add(reader.Current);
            }
        }

        Assert.Equal([PatchScan.PageSize, PatchScan.PageSize, 500], fleet.Reads.Select(r => r.InstanceIds.Count));
        Assert.Equal(Reported, fleet.Reads.SelectMany(r => r.InstanceIds));
        // The next page's read is out before the caller gets the page before it; the last page has none after it.
        Assert.Equal([2, 3, 3], readsStartedWhenHandedOut);
        Assert.Equal(Reported, pages.SelectMany(p => p).Select(s => s.InstanceId));
        Assert.All(pages.SelectMany(p => p), server =>
        {
            Assert.Equal(1, server.MissingCount);
            Assert.Equal(GatedMissingPatchRead.PatchOf(server.InstanceId).Id, Assert.Single(server.Patches).Id);
        });
    }

    [Fact]
    public async Task FoundPagesAsync_CallerStopsAfterTheFirstPage_CancelsTheReadAheadAndWaitsForItToEnd()
    {
        var fleet = new GatedMissingPatchFleet();

        var reader = PatchScan.FoundPagesAsync(fleet, Scan(), CancellationToken.None).GetAsyncEnumerator();
        var moved = reader.MoveNextAsync();
        fleet.Reads[0].Release();
        Assert.True(await moved.AsTask().WaitAsync(Patience));
        var ahead = fleet.Reads[1];
        Assert.False(ahead.Ended);

        // The caller's write failed, say: it stops with the second page still being read.
        await reader.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.True(ahead.Cancelled, "the read ahead was cancelled");
        Assert.True(ahead.Ended, "the read ahead had ended when the caller's stop returned");
        Assert.Equal(2, fleet.Reads.Count);
    }

    [Fact]
    public async Task FoundPagesAsync_ReadAheadFails_CallerGetsItsFailureAtThatPageAndNothingMoreIsRead()
    {
        var fleet = new GatedMissingPatchFleet();
        var failure = new FleetException("SSM DescribeInstancePatches: throttled past its retries", isTransient: true);

        await using var reader = PatchScan.FoundPagesAsync(fleet, Scan(), CancellationToken.None).GetAsyncEnumerator();
        var moved = reader.MoveNextAsync();
        fleet.Reads[0].Release();
        Assert.True(await moved.AsTask().WaitAsync(Patience));
        fleet.Reads[1].Fail(failure);

        var thrown = await Assert.ThrowsAsync<FleetException>(() => reader.MoveNextAsync().AsTask().WaitAsync(Patience));

        Assert.Same(failure, thrown);
        Assert.Equal(2, fleet.Reads.Count);
    }

    private static PatchScanResult Scan() => new(
        new PatchCommandReference { IdempotencyToken = "scan-token", Operation = PatchOperation.Scan, CommandIds = ["c-1"], InstanceIds = Reported },
        Reported,
        [],
        new Dictionary<string, InstancePatchState>(StringComparer.Ordinal));
}
