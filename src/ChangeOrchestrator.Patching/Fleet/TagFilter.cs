namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>A tag condition: the key is present and, when values are given, holds one of them (case-sensitive, as AWS tags are).</summary>
public sealed record TagFilter(string Key, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(Key, out var value) && (Values.Count == 0 || Values.Contains(value, StringComparer.Ordinal));
}
