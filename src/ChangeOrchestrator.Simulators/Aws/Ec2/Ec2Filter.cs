using ChangeOrchestrator.Simulators.Aws.Matching;

namespace ChangeOrchestrator.Simulators.Aws.Ec2;

/// <summary>
/// An EC2 filter: any value matches (OR), with <c>*</c>/<c>?</c> wildcards that a backslash escapes; filters combine
/// with AND.
/// </summary>
internal sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    // A filter is matched against every item an operation lists (a call naming 200 instance ids, in a fleet of
    // 100,000): values without a wildcard or escape are looked up in a set, and only the others go through the glob.
    private readonly HashSet<string> _literals = new(Values.Where(IsLiteral), StringComparer.Ordinal);
    private readonly string[] _patterns = [.. Values.Where(v => !IsLiteral(v))];

    /// <summary>
    /// Applies filters to <paramref name="items"/>; <paramref name="attribute"/> gives an item's values for a filter
    /// name, or null when the name is not a filter of this operation (InvalidParameterValue, as in EC2).
    /// </summary>
    public static List<T> Apply<T>(IEnumerable<T> items, IReadOnlyList<Ec2Filter> filters, Func<T, string, IEnumerable<string>?> attribute) =>
        [.. items.Where(item => MatchesAll(item, filters, attribute))];

    /// <summary>
    /// Whether <paramref name="item"/> passes every filter, for an operation that filters as it pages (see
    /// <see cref="Paging.PageToken.Scan{T}"/>); a name that is not a filter of the operation is refused as in
    /// <see cref="Apply{T}"/>.
    /// </summary>
    public static bool MatchesAll<T>(T item, IReadOnlyList<Ec2Filter> filters, Func<T, string, IEnumerable<string>?> attribute)
    {
        foreach (var filter in filters)
        {
            var actual = attribute(item, filter.Name) ?? throw new Ec2ServiceException("InvalidParameterValue", $"The filter '{filter.Name}' is invalid");
            if (!filter.Matches(actual))
            {
                return false;
            }
        }

        return true;
    }

    public static IEnumerable<string>? TagAttribute(IReadOnlyDictionary<string, string> tags, string name) => name switch
    {
        "tag-key" => tags.Keys,
        "tag-value" => tags.Values,
        _ when name.StartsWith("tag:", StringComparison.Ordinal) => tags.TryGetValue(name[4..], out var value) ? [value] : [],
        _ => null,
    };

    /// <summary>Whether any value is a pattern (<c>*</c>, <c>?</c> or an escape), which no lookup by value can answer.</summary>
    public bool HasPatterns => _patterns.Length > 0;

    public bool Matches(IEnumerable<string> actual) =>
        actual.Any(value => _literals.Contains(value) || _patterns.Any(pattern => Glob.IsMatch(pattern, value, ignoreCase: false, backslashEscapes: true)));

    private static bool IsLiteral(string value) => value.AsSpan().IndexOfAny('*', '?', '\\') < 0;
}
