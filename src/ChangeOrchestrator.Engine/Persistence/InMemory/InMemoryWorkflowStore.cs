using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Engine.Persistence.InMemory;

/// <summary>
/// Instances, bookmarks, journals and stimuli in memory, with the same commit rules as a durable store (one lock
/// stands in for the database transaction). Used by the engine's tests and as the reference for durable stores.
/// </summary>
public sealed class InMemoryWorkflowStore(TimeProvider time) : IWorkflowInstanceStore, IWorkflowInstanceQueries, IStimulusBuffer, ITimerClaims, IInstanceLeases, IStepResultStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, WorkflowInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredBookmark> _bookmarks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JournalEntry>> _journals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Stimulus Stimulus, DateTimeOffset ExpiresAt)> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset ExpiresAt, DateTimeOffset? FirstAppliedAt)> _seen = new(StringComparer.Ordinal);
    private readonly List<Stimulus> _deadLetters = [];
    private readonly InMemoryStepResults _results = new();
    private readonly Dictionary<string, (string Owner, DateTimeOffset Until)> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Owner, DateTimeOffset Until)> _leases = new(StringComparer.Ordinal);

    public IReadOnlyList<Stimulus> DeadLetters
    {
        get
        {
            lock (_lock)
            {
                return [.. _deadLetters];
            }
        }
    }

    public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_instances.GetValueOrDefault(instanceId)?.Clone());
        }
    }

    public Task<IReadOnlyList<StoredBookmark>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken) =>
        Select(b => b.InstanceId == instanceId);

    public Task<IReadOnlyList<StoredBookmark>> FindBookmarksAsync(string kind, string key, CancellationToken cancellationToken) =>
        Select(b => !b.Bookmark.IsTimer && b.Bookmark.Kind == kind && b.Bookmark.Key == key);

    public Task<IReadOnlyList<StoredBookmark>> FindDueBookmarksAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<StoredBookmark> due = _bookmarks.Values
                .Where(b => IsDue(b, now))
                .OrderBy(b => b.Bookmark.DueAt)
                .Take(limit)
                .ToList();
            return Task.FromResult(due);
        }
    }

    public Task<long> CommitAsync(BurstCommit commit, CancellationToken cancellationToken)
    {
        var burst = commit.Burst;
        var instance = burst.Instance;
        var version = (commit.ExpectedVersion ?? 0) + 1;
        lock (_lock)
        {
            var stored = _instances.GetValueOrDefault(instance.Id);
            if (commit.ExpectedVersion is null ? stored is not null : stored?.Version != commit.ExpectedVersion)
            {
                throw new ConcurrencyConflictException($"Instance '{instance.Id}' changed since version {commit.ExpectedVersion}.");
            }

            if (commit.LeaseOwner is { } owner && commit.ExpectedVersion is not null && _leases.TryGetValue(instance.Id, out var lease) && lease.Owner != owner)
            {
                throw new ConcurrencyConflictException($"Instance '{instance.Id}' is leased by another node.");
            }

            if (commit.ConsumedStimulusIds.Any(id => !_pending.ContainsKey(id)))
            {
                throw new ConcurrencyConflictException($"A stimulus consumed by instance '{instance.Id}' was consumed elsewhere.");
            }

            var copy = instance.Clone();
            copy.Version = version;
            _instances[instance.Id] = copy;
            foreach (var id in burst.RemovedBookmarkIds)
            {
                _bookmarks.Remove(id);
                _claims.Remove(id);
            }

            foreach (var bookmark in burst.AddedBookmarks)
            {
                _bookmarks[bookmark.Id] = bookmark;
            }

            if (!_journals.TryGetValue(instance.Id, out var journal))
            {
                _journals[instance.Id] = journal = [];
            }

            journal.AddRange(burst.Journal);
            _results.Apply(instance.Id, burst.ResultLists);
            foreach (var id in commit.ConsumedStimulusIds)
            {
                _pending.Remove(id);
            }

            if (commit.Applied is { } applied)
            {
                _pending.Remove(applied.Id);
                if (!IsSeen(applied.Id))
                {
                    _seen[applied.Id] = (applied.ExpiresAt, applied.FirstReceivedAt);
                }
            }

            if (commit.LeaseOwner is { } releasing && _leases.TryGetValue(instance.Id, out var held) && held.Owner == releasing)
            {
                _leases.Remove(instance.Id);
            }
        }

        return Task.FromResult(version);
    }

    public Task<ResultPage> ReadAsync(ResultQuery query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_results.Read(query));
        }
    }

    public Task WritePageAsync(string instanceId, ResultList page, int firstOrdinal, bool endsList, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _results.WritePage(instanceId, page, firstOrdinal, endsList);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ResultListSummary>> ListsAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_results.Lists(instanceId));
        }
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<JournalEntry> entries = _journals.TryGetValue(instanceId, out var journal)
                ? journal.Where(e => e.Sequence > afterSequence).Take(limit).ToList()
                : [];
            return Task.FromResult(entries);
        }
    }

    public Task<bool> TryMarkSeenAsync(string stimulusId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (IsSeen(stimulusId))
            {
                return Task.FromResult(false);
            }

            _seen[stimulusId] = (expiresAt, null);
            return Task.FromResult(true);
        }
    }

    public Task<SeenStimulus?> FindSeenAsync(string stimulusId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(IsSeen(stimulusId) ? new SeenStimulus(_seen[stimulusId].FirstAppliedAt) : null);
        }
    }

    public Task<bool> AddPendingAsync(Stimulus stimulus, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (IsSeen(stimulus.Id) || _pending.ContainsKey(stimulus.Id))
            {
                return Task.FromResult(false);
            }

            _pending[stimulus.Id] = (stimulus, expiresAt);
            _seen[stimulus.Id] = (expiresAt, null);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<Stimulus>> FindPendingAsync(string kind, string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<Stimulus> pending = _pending.Values
                .Where(p => p.Stimulus.Kind == kind && p.Stimulus.Key == key)
                .OrderBy(p => p.Stimulus.ReceivedAt)
                .Select(p => p.Stimulus)
                .ToList();
            return Task.FromResult(pending);
        }
    }

    public Task<int> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var expired = _pending.Where(p => p.Value.ExpiresAt <= now).ToList();
            foreach (var (id, entry) in expired)
            {
                _pending.Remove(id);
                _deadLetters.Add(entry.Stimulus);
            }

            foreach (var id in _seen.Where(s => s.Value.ExpiresAt <= now).Select(s => s.Key).ToList())
            {
                _seen.Remove(id);
            }

            return Task.FromResult(expired.Count);
        }
    }

    public Task<IReadOnlyList<StoredBookmark>> ClaimDueAsync(string owner, TimeSpan claimFor, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            IReadOnlyList<StoredBookmark> claimed = _bookmarks.Values
                .Where(b => IsDue(b, now))
                .OrderBy(b => b.Bookmark.DueAt)
                .Take(limit)
                .ToList();
            foreach (var bookmark in claimed)
            {
                _claims[bookmark.Id] = (owner, now + claimFor);
            }

            return Task.FromResult(claimed);
        }
    }

    public Task ReleaseAsync(string owner, IReadOnlyCollection<string> bookmarkIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var id in bookmarkIds)
            {
                if (_claims.TryGetValue(id, out var claim) && claim.Owner == owner)
                {
                    _claims.Remove(id);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryAcquireAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_leases.TryGetValue(instanceId, out var lease) && lease.Owner != owner && lease.Until > now)
            {
                return Task.FromResult(false);
            }

            _leases[instanceId] = (owner, now + duration);
            return Task.FromResult(true);
        }
    }

    public Task<bool> RenewAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_leases.TryGetValue(instanceId, out var lease) || lease.Owner != owner)
            {
                return Task.FromResult(false);
            }

            _leases[instanceId] = (owner, time.GetUtcNow() + duration);
            return Task.FromResult(true);
        }
    }

    public Task RenewAsync(string owner, IReadOnlyCollection<string> bookmarkIds, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + claimFor;
            foreach (var id in bookmarkIds)
            {
                if (_claims.TryGetValue(id, out var claim) && claim.Owner == owner)
                {
                    _claims[id] = (owner, until);
                }
            }
        }

        return Task.CompletedTask;
    }

    Task IInstanceLeases.ReleaseAsync(string instanceId, string owner, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_leases.TryGetValue(instanceId, out var lease) && lease.Owner == owner)
            {
                _leases.Remove(instanceId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Instance ids are version-7 GUIDs: ordering by id is ordering by creation time.
            var items = Matching(query)
                .Where(i => query.After is null || string.CompareOrdinal(i.Id, query.After) < 0)
                .OrderByDescending(i => i.Id, StringComparer.Ordinal)
                .Take(query.Limit + 1)
                .Select(i => i.Clone())
                .ToList();
            var next = items.Count > query.Limit ? items[query.Limit - 1].Id : null;
            return Task.FromResult(new InstancePage(items.Take(query.Limit).ToList(), next));
        }
    }

    private bool IsSeen(string stimulusId) => _seen.TryGetValue(stimulusId, out var seen) && seen.ExpiresAt > time.GetUtcNow();

    public Task<long> CountAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult((long)Matching(query).Count());
        }
    }

    public Task<IReadOnlyDictionary<InstanceStatus, long>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<InstanceStatus, long> counts = _instances.Values.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => (long)g.Count());
            return Task.FromResult(counts);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> VersionsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<string, long> versions = instanceIds.Distinct(StringComparer.Ordinal)
                .Where(_instances.ContainsKey).ToDictionary(id => id, id => _instances[id].Version, StringComparer.Ordinal);
            return Task.FromResult(versions);
        }
    }

    private IEnumerable<WorkflowInstance> Matching(InstanceQuery query) => _instances.Values
        .Where(i => query.Status is null || i.Status == query.Status)
        .Where(i => query.DefinitionId is null || i.DefinitionId == query.DefinitionId)
        .Where(i => query.CorrelationId is null || i.CorrelationId == query.CorrelationId)
        .Where(i => query.Reference is null || i.CorrelationId == query.Reference
            || i.Steps.ToJsonString().Contains(InstanceQuery.NumberFragment(query.Reference), StringComparison.Ordinal))
        .Where(i => !query.RaisedChange || i.Steps.ToJsonString().Contains(InstanceQuery.DeskFragment, StringComparison.Ordinal))
        .Where(i => query.WaitingActivity is null || _bookmarks.Values.Any(b => b.InstanceId == i.Id && b.ActivityId == query.WaitingActivity))
        .Where(i => query.CreatedFrom is null || i.CreatedAt >= query.CreatedFrom)
        .Where(i => query.CreatedBefore is null || i.CreatedAt < query.CreatedBefore);

    private bool IsDue(StoredBookmark bookmark, DateTimeOffset now) =>
        bookmark.Bookmark.DueAt <= now
        && !(_claims.TryGetValue(bookmark.Id, out var claim) && claim.Until > now)
        && _instances.TryGetValue(bookmark.InstanceId, out var instance)
        && instance.Status is not (InstanceStatus.Faulted or InstanceStatus.Completed or InstanceStatus.Cancelled);

    private Task<IReadOnlyList<StoredBookmark>> Select(Func<StoredBookmark, bool> predicate)
    {
        lock (_lock)
        {
            IReadOnlyList<StoredBookmark> result = _bookmarks.Values.Where(predicate).ToList();
            return Task.FromResult(result);
        }
    }
}
