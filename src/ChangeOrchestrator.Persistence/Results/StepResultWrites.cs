using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Persistence.Results;

/// <summary>
/// A burst's per-server lists as the commit writes them: every list a replacement covers is deleted, then the lists
/// the burst ends with are inserted (a list written twice in one burst, by a loop, is inserted once).
/// </summary>
internal static class StepResultWrites
{
    public static IReadOnlyList<StepResultRow> Inserts(string instanceId, IReadOnlyList<ResultReplacement> replacements) =>
        InsertedLists(replacements).SelectMany(list => StepResultRow.From(instanceId, list)).ToList();

    /// <summary>How many rows <see cref="Inserts"/> gives, without building them.</summary>
    public static int InsertCount(IReadOnlyList<ResultReplacement> replacements) =>
        InsertedLists(replacements).Sum(list => list.Items.Count);

    /// <summary>
    /// The rows of <see cref="Inserts"/> a chunk at a time, each built only when the chunk before it is written, so that
    /// a burst storing a fleet's lists (the one that starts a change, with nothing written ahead) never holds them as rows
    /// all at once.
    /// </summary>
    public static IEnumerable<IReadOnlyList<StepResultRow>> InsertChunks(string instanceId, IReadOnlyList<ResultReplacement> replacements, int chunkSize)
    {
        foreach (var list in InsertedLists(replacements))
        {
            for (var first = 0; first < list.Items.Count; first += chunkSize)
            {
                yield return StepResultRow.Slice(instanceId, list, first, Math.Min(chunkSize, list.Items.Count - first));
            }
        }
    }

    private static IEnumerable<ResultList> InsertedLists(IReadOnlyList<ResultReplacement> replacements) =>
        replacements.SelectMany((replacement, i) => replacement.Lists
            .Where(list => !replacements.Skip(i + 1).Any(later => later.Covers(list.Activity, list.Name))));

    public static IQueryable<StepResultRow> Covered(IQueryable<StepResultRow> rows, string instanceId, ResultReplacement replacement)
    {
        var activity = replacement.Activity;
        rows = rows.Where(r => r.InstanceId == instanceId && r.ActivityId == activity);
        if (replacement.Under is not { } under)
        {
            var keeping = replacement.Keeping.ToList();
            return keeping.Count == 0 ? rows.Where(r => !r.Name.StartsWith("$")) : rows.Where(r => !r.Name.StartsWith("$") && !keeping.Contains(r.Name));
        }

        var below = under + ".";
        return rows.Where(r => r.Name == under || r.Name.StartsWith(below));
    }
}
