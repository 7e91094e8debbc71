namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>Attempt counters per route and a bounded journal of requests, for assertions.</summary>
internal sealed class JiraRequestLog
{
    private const int JournalCapacity = 2000;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly LinkedList<JiraJournalEntry> _journal = new();
    private long _sequence;

    public long NextSequence()
    {
        lock (_gate)
        {
            return ++_sequence;
        }
    }

    public void Record(JiraJournalEntry entry)
    {
        lock (_gate)
        {
            _counts[entry.Route] = _counts.GetValueOrDefault(entry.Route) + 1;
            _journal.AddLast(entry);
            if (_journal.Count > JournalCapacity)
            {
                _journal.RemoveFirst();
            }
        }
    }

    public IReadOnlyDictionary<string, int> Counts()
    {
        lock (_gate)
        {
            return new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<JiraJournalEntry> Journal()
    {
        lock (_gate)
        {
            return [.. _journal];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _counts.Clear();
            _journal.Clear();
        }
    }
}
