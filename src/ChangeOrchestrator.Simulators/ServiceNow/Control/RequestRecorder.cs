using System.Collections.Concurrent;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Counts requests per route and keeps the most recent ones, so tests can assert attempt counts.</summary>
internal sealed class RequestRecorder
{
    private const int JournalCapacity = 1000;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _journal = new();
    private long _sequence;

    public void Record(string route, string method, string path, string query, IReadOnlyDictionary<string, string> headers, string body)
    {
        _counts.AddOrUpdate(route, 1, (_, count) => count + 1);
        _journal.Enqueue(new RecordedRequest(Interlocked.Increment(ref _sequence), route, method, path, query, headers, body));
        while (_journal.Count > JournalCapacity && _journal.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyDictionary<string, int> Counts => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

    public IReadOnlyList<RecordedRequest> Journal => [.. _journal];

    public void Reset()
    {
        _counts.Clear();
        _journal.Clear();
    }
}
