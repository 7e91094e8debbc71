using System.Collections.Concurrent;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>What test activities did "outside": each entry is one side effect with its idempotency key.</summary>
internal sealed class SideEffectLog
{
    private readonly ConcurrentQueue<(string Label, string Key)> _entries = new();

    public IReadOnlyList<(string Label, string Key)> Entries => [.. _entries];

    public void Add(string label, string key) => _entries.Enqueue((label, key));

    public int Count(string label) => _entries.Count(e => e.Label == label);
}
