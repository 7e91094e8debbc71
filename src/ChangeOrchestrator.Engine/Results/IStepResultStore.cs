namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// The per-server lists of instances, kept out of the instance row: written by the burst commit that produced them
/// (see <see cref="ResultReplacement"/>), read a page at a time.
/// </summary>
public interface IStepResultStore
{
    Task<ResultPage> ReadAsync(ResultQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a page of a list ahead of the burst's commit (see <see cref="ResultListWriter"/>): its items replace
    /// those at the same positions, from <paramref name="firstOrdinal"/> on, and the page that <paramref name="endsList"/>
    /// removes every item after it. Pages written again with the same items (a re-run after a crash, or a node that
    /// lost the instance and still runs) leave the list as it was.
    /// </summary>
    Task WritePageAsync(string instanceId, ResultList page, int firstOrdinal, bool endsList, CancellationToken cancellationToken);

    /// <summary>The lists an instance holds, step outputs first, in activity and name order.</summary>
    Task<IReadOnlyList<ResultListSummary>> ListsAsync(string instanceId, CancellationToken cancellationToken);
}
