using System.Collections.Concurrent;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>
/// Lets a test hold one <see cref="GatedStep"/> inside its burst (the one labelled <see cref="Held"/>) until it opens
/// the gate, and see when each labelled step was reached.
/// </summary>
internal sealed class StepGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _reached = new(StringComparer.Ordinal);

    public required string Held { get; init; }

    public Task Reached(string label) => Of(label).Task;

    public void Open() => _open.TrySetResult();

    public async Task PassAsync(string label, CancellationToken cancellationToken)
    {
        Of(label).TrySetResult();
        if (label == Held)
        {
            await _open.Task.WaitAsync(cancellationToken);
        }
    }

    private TaskCompletionSource Of(string label) =>
        _reached.GetOrAdd(label, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
