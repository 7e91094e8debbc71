namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary>Orders sort keys of mixed kinds; empty values sort last, as Jira puts them.</summary>
internal sealed class SortKeyComparer : IComparer<IComparable?>
{
    public static readonly SortKeyComparer Instance = new();

    public int Compare(IComparable? x, IComparable? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
        _ => x.CompareTo(y),
    };
}
