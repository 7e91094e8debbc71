using System.Collections.Concurrent;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// The invocations of commands that have ended, as last read. An ended invocation never changes again, so a poll
/// needs to read a command only until it has ended: the next poll of the same operation takes it from here. Bounded
/// (emptied when full) and per node, so a miss only costs the read it would have cost anyway.
/// </summary>
internal sealed class EndedCommandCache
{
    /// <summary>Invocations kept at most: 1,000 commands of 50 servers.</summary>
    private const int Capacity = 50_000;

    private readonly ConcurrentDictionary<(string CommandId, bool KeepSuccessOutput), List<InstanceCommandResult>> _ended = new();
    private int _count;

    public bool TryGet(string commandId, bool keepSuccessOutput, out List<InstanceCommandResult> invocations) =>
        _ended.TryGetValue((commandId, keepSuccessOutput), out invocations!);

    public void Add(string commandId, bool keepSuccessOutput, List<InstanceCommandResult> invocations)
    {
        if (Interlocked.Add(ref _count, invocations.Count) > Capacity)
        {
            _ended.Clear();
            Interlocked.Exchange(ref _count, invocations.Count);
        }

        _ended[(commandId, keepSuccessOutput)] = invocations;
    }
}
