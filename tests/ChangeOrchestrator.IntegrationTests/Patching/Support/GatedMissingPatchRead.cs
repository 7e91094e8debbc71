using ChangeOrchestrator.Patching.Compliance;

namespace ChangeOrchestrator.IntegrationTests.Patching.Support;

/// <summary>
/// One read of servers' missing patches that finishes when the test says so, or fails, or ends on its cancellation a
/// moment after it, as an HTTP call notices a cancelled token only at its next await.
/// </summary>
internal sealed class GatedMissingPatchRead
{
    private static readonly TimeSpan CancellationLag = TimeSpan.FromMilliseconds(200);

    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatedMissingPatchRead(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    {
        InstanceIds = [.. instanceIds];
        Task = ReadAsync(cancellationToken);
    }

    public IReadOnlyList<string> InstanceIds { get; }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<MissingPatch>>> Task { get; }

    public bool Cancelled { get; private set; }

    /// <summary>True once the read has returned, failed or ended on its cancellation: nothing of it is still out.</summary>
    public bool Ended { get; private set; }

    public void Release() => _gate.TrySetResult();

    public void Fail(Exception error) => _gate.TrySetException(error);

    /// <summary>The one patch each server of a read misses, named after the server.</summary>
    public static MissingPatch PatchOf(string instanceId) =>
        new() { Id = "KB-" + instanceId, Title = "Update for " + instanceId, State = MissingPatchState.Missing };

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<MissingPatch>>> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (cancellationToken.Register(() => _gate.TrySetCanceled(cancellationToken)))
            {
                try
                {
                    await _gate.Task;
                }
                catch (OperationCanceledException)
                {
                    Cancelled = true;
                    await System.Threading.Tasks.Task.Delay(CancellationLag, CancellationToken.None);
                    throw;
                }
            }

            return InstanceIds.ToDictionary(id => id, id => (IReadOnlyList<MissingPatch>)[PatchOf(id)], StringComparer.Ordinal);
        }
        finally
        {
            Ended = true;
        }
    }
}
