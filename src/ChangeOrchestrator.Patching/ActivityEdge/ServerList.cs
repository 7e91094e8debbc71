namespace ChangeOrchestrator.Patching.ActivityEdge;

/// <summary>
/// Server ids as journal entries and notes name them: a few, then how many more. A journal entry is a summary; the
/// whole list is in the step's per-server results.
/// </summary>
internal static class ServerList
{
    private const int Named = 10;

    public static string Brief(IReadOnlyCollection<string> ids, string separator = ", ") =>
        ids.Count <= Named
            ? string.Join(separator, ids)
            : $"{string.Join(separator, ids.Take(Named))} and {ids.Count - Named} more";
}
