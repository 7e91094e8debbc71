namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// The per-server lists of instances, kept out of the instance row: written by the burst commit that produced them
/// (see <see cref="ResultReplacement"/>), read a page at a time.
/// </summary>
public interface IStepResultStore
{
    Task<ResultPage> ReadAsync(ResultQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a page of a list ahead of the burst's commit (see <see cref="ResultListWriter"/>), its items at the
    /// positions from <paramref name="firstOrdinal"/> on, replacing what the list held there and after: the page at 0
    /// replaces the whole list, which drops what an execution that never committed had written.
    /// </summary>
    Task WritePageAsync(string instanceId, ResultList page, int firstOrdinal, CancellationToken cancellationToken);

    /// <summary>The lists an instance holds, step outputs first, in activity and name order.</summary>
    Task<IReadOnlyList<ResultListSummary>> ListsAsync(string instanceId, CancellationToken cancellationToken);
}
