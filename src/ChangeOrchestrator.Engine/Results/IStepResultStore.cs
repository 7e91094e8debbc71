namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// The per-server lists of instances, kept out of the instance row: written by the burst commit that produced them
/// (see <see cref="ResultReplacement"/>), read a page at a time.
/// </summary>
public interface IStepResultStore
{
    Task<ResultPage> ReadAsync(ResultQuery query, CancellationToken cancellationToken);

    /// <summary>The lists an instance holds, step outputs first, in activity and name order.</summary>
    Task<IReadOnlyList<ResultListSummary>> ListsAsync(string instanceId, CancellationToken cancellationToken);
}
