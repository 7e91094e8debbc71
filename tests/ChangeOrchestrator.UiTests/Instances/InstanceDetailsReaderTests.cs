using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Persistence.InMemory;
using ChangeOrchestrator.Web.Instances;

namespace ChangeOrchestrator.UiTests.Instances;

/// <summary>What the instance page reads of a long journal, without a browser: the newest entries, and on a refresh only the new ones.</summary>
public sealed class InstanceDetailsReaderTests
{
    [Fact]
    public async Task ReadAsync_JournalLongerThanTheLimit_ShowsTheNewestEntriesAndReadsNoOlderOnes()
    {
        var store = new JournalStore(InstanceDetailsReader.JournalLimit + 600);
        var reader = NewReader(store);

        var details = await reader.ReadAsync(JournalStore.InstanceId, CancellationToken.None);

        Assert.NotNull(details);
        Assert.Equal(InstanceDetailsReader.JournalLimit, details.Journal.Count);
        Assert.Equal(601, details.Journal[0].Sequence);
        Assert.Equal(store.Instance.JournalSequence, details.Journal[^1].Sequence);
        Assert.True(details.JournalTruncated);
        Assert.InRange(store.RowsRead, 1, InstanceDetailsReader.JournalLimit + 500);
        Assert.Contains(("step-2600", "Done"), details.TakenOutcomes);
    }

    [Fact]
    public async Task ReadAsync_RefreshOfALongJournal_ReadsOnlyTheNewEntriesAndDropsTheOldestShown()
    {
        var store = new JournalStore(InstanceDetailsReader.JournalLimit + 600);
        var reader = NewReader(store);
        var shown = await reader.ReadAsync(JournalStore.InstanceId, CancellationToken.None);
        store.Append(3);
        var rowsBefore = store.RowsRead;

        var refreshed = await reader.ReadAsync(JournalStore.InstanceId, shown, CancellationToken.None);

        Assert.NotNull(refreshed);
        Assert.Equal(3, store.RowsRead - rowsBefore);
        Assert.Equal(InstanceDetailsReader.JournalLimit, refreshed.Journal.Count);
        Assert.Equal(604, refreshed.Journal[0].Sequence);
        Assert.Equal(store.Instance.JournalSequence, refreshed.Journal[^1].Sequence);
        Assert.Contains(("step-2603", "Done"), refreshed.TakenOutcomes);
    }

    [Fact]
    public async Task ReadAsync_ShortJournal_ShowsEveryEntryAndIsNotTruncated()
    {
        var store = new JournalStore(10);

        var details = await NewReader(store).ReadAsync(JournalStore.InstanceId, CancellationToken.None);

        Assert.NotNull(details);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), details.Journal.Select(e => e.Sequence));
        Assert.False(details.JournalTruncated);
    }

    private static InstanceDetailsReader NewReader(JournalStore store) =>
        new(store, new InMemoryWorkflowDefinitionStore(), new FinishedInstances());

    /// <summary>One running instance whose every journal entry completes an activity of its own; counts the journal rows read.</summary>
    private sealed class JournalStore : IWorkflowInstanceStore
    {
        public const string InstanceId = "long-running";

        private readonly List<JournalEntry> _journal = [];

        public JournalStore(int entries) => Append(entries);

        public WorkflowInstance Instance { get; } = new()
        {
            Id = InstanceId, DefinitionId = "ticker", DefinitionVersion = 1, Status = InstanceStatus.Suspended, CreatedAt = DateTimeOffset.UnixEpoch,
        };

        public int RowsRead { get; private set; }

        public void Append(int entries)
        {
            for (var i = 0; i < entries; i++)
            {
                var sequence = ++Instance.JournalSequence;
                _journal.Add(new JournalEntry(InstanceId, sequence, DateTimeOffset.UnixEpoch, JournalEntryType.ActivityCompleted, $"step-{sequence}", "Done", null));
            }

            Instance.Version++;
        }

        public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken) =>
            Task.FromResult(instanceId == InstanceId ? Instance.Clone() : null);

        public Task<IReadOnlyList<StoredBookmark>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredBookmark>>([]);

        public Task<IReadOnlyList<StoredBookmark>> FindBookmarksAsync(string kind, string key, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredBookmark>>([]);

        public Task<IReadOnlyList<StoredBookmark>> FindDueBookmarksAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredBookmark>>([]);

        public Task<long> CommitAsync(BurstCommit commit, CancellationToken cancellationToken) => throw new NotSupportedException("The reader only reads.");

        public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int limit, CancellationToken cancellationToken)
        {
            var page = _journal.Where(e => e.InstanceId == instanceId && e.Sequence > afterSequence).Take(limit).ToList();
            RowsRead += page.Count;
            return Task.FromResult<IReadOnlyList<JournalEntry>>(page);
        }
    }
}
