namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary>The <c>fields</c> parameter: <c>*all</c> (default), <c>*navigable</c>, ids, and <c>-id</c> exclusions.</summary>
internal sealed class JiraFieldSelection
{
    private readonly HashSet<string> _included;
    private readonly HashSet<string> _excluded;
    private readonly bool _all;

    private JiraFieldSelection(bool all, HashSet<string> included, HashSet<string> excluded)
    {
        _all = all;
        _included = included;
        _excluded = excluded;
    }

    public static JiraFieldSelection All { get; } = new(true, [], []);

    public static JiraFieldSelection None { get; } = new(false, [], []);

    public static JiraFieldSelection Parse(IEnumerable<string?> values, JiraFieldSelection fallback)
    {
        var items = values
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        if (items.Count == 0)
        {
            return fallback;
        }

        var all = items.Any(i => i is "*all" or "*navigable");
        var included = items.Where(i => !i.StartsWith('-') && !i.StartsWith('*')).ToHashSet(StringComparer.Ordinal);
        var excluded = items.Where(i => i.StartsWith('-')).Select(i => i[1..]).ToHashSet(StringComparer.Ordinal);
        return new JiraFieldSelection(all, included, excluded);
    }

    public bool Includes(string fieldId) => !_excluded.Contains(fieldId) && (_all || _included.Contains(fieldId));
}
