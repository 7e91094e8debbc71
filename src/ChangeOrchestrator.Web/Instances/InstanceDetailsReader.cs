using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.Web.Instances;

/// <summary>
/// Reads an instance with its definition version, bookmarks and journal through the same stores the API reads, and
/// works out each activity's status and the path taken.
/// </summary>
public sealed class InstanceDetailsReader(IWorkflowInstanceStore instances, IWorkflowDefinitionStore definitions, FinishedInstances finished)
{
    public const int JournalLimit = 2000;

    private const int JournalPage = 500;

    public Task<InstanceDetails?> ReadAsync(string instanceId, CancellationToken cancellationToken) => ReadAsync(instanceId, null, cancellationToken);

    /// <summary>
    /// Reads the instance again after <paramref name="previous"/>: the journal only grows, so only its new entries are
    /// read, which keeps a live page's refresh as cheap on the thousandth step as on the first. Past
    /// <see cref="JournalLimit"/> entries the oldest shown make way for the new ones: a long-running instance's page
    /// shows its latest steps, and a refresh never reads the whole journal again.
    /// </summary>
    public async Task<InstanceDetails?> ReadAsync(string instanceId, InstanceDetails? previous, CancellationToken cancellationToken)
    {
        if (finished.Find(instanceId) is { } kept)
        {
            return kept;
        }

        var journal = new List<JournalEntry>();
        var taken = new HashSet<(string, string)>();
        long after = 0;
        if (previous is not null && previous.Instance.Id == instanceId && previous.Journal.Count > 0)
        {
            journal.AddRange(previous.Journal);
            taken.UnionWith(previous.TakenOutcomes);
            after = journal[^1].Sequence;
        }

        // The instance, its bookmarks and the journal's next page are read at once: the page waits for one round trip, not three.
        var found = instances.FindAsync(instanceId, cancellationToken);
        var waits = instances.GetBookmarksAsync(instanceId, cancellationToken);
        var firstPage = instances.GetJournalAsync(instanceId, after, JournalPage, cancellationToken);
        await Task.WhenAll(found, waits, firstPage);
        if (await found is not { } instance)
        {
            return null;
        }

        var definition = (await definitions.FindAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken))?.Definition;
        var bookmarks = await waits;
        var page = await firstPage;

        // An instance's journal entries are numbered 1, 2, 3, … up to its JournalSequence, so its newest entries start
        // at a known sequence: more new entries than the page shows (a first view of a long journal, or a page that
        // was not refreshed for long) are read from there, not from where the page left off.
        var newestFrom = instance.JournalSequence - JournalLimit;
        if (newestFrom > after)
        {
            journal.Clear();
            taken.Clear();
            page = await instances.GetJournalAsync(instanceId, newestFrom, JournalPage, cancellationToken);
        }

        var known = journal.Count;
        journal.AddRange(page);
        while (page.Count == JournalPage)
        {
            page = await instances.GetJournalAsync(instanceId, page[^1].Sequence, JournalPage, cancellationToken);
            journal.AddRange(page);
        }

        // The path taken so far plus the new entries' steps: a refresh's work grows with what is new, not with the
        // whole journal, which a live instance lengthens with every step.
        for (var i = known; i < journal.Count; i++)
        {
            if (journal[i] is { Type: JournalEntryType.ActivityCompleted, ActivityId: { } activity, Message: { } outcome })
            {
                taken.Add((activity, outcome));
            }
        }

        if (journal.Count > JournalLimit)
        {
            journal.RemoveRange(0, journal.Count - JournalLimit);
        }

        var details = new InstanceDetails
        {
            Instance = instance,
            Definition = definition,
            Bookmarks = bookmarks,
            Journal = journal,
            JournalTruncated = journal.Count > 0 && journal[0].Sequence > 1,
            Statuses = StatusesOf(instance, definition?.Activities.Select(a => a.Id) ?? instance.Activities.Keys, bookmarks),
            TakenOutcomes = taken,
        };
        finished.Keep(details);
        return details;
    }

    public static Dictionary<string, ActivityStatus> StatusesOf(WorkflowInstance instance, IEnumerable<string> activityIds, IReadOnlyList<StoredBookmark> bookmarks)
    {
        var waiting = bookmarks.Select(b => b.ActivityId).ToHashSet(StringComparer.Ordinal);
        var queued = instance.Queue.Select(q => q.ActivityId).ToHashSet(StringComparer.Ordinal);
        var statuses = new Dictionary<string, ActivityStatus>(StringComparer.Ordinal);
        foreach (var id in activityIds)
        {
            instance.Activities.TryGetValue(id, out var state);
            statuses[id] = id switch
            {
                _ when instance.Incident?.ActivityId == id => ActivityStatus.Faulted,
                _ when state?.Waiting == true || waiting.Contains(id) => ActivityStatus.Waiting,
                _ when queued.Contains(id) && !instance.IsFinished => ActivityStatus.Running,
                _ when instance.Steps.ContainsKey(id) || state?.Executions > 0 => ActivityStatus.Completed,
                _ when state is not null && !instance.IsFinished => ActivityStatus.Running,
                _ => instance.IsFinished ? ActivityStatus.Skipped : ActivityStatus.Pending,
            };
        }

        return statuses;
    }
}
