namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// What a burst writes of one owner's per-server lists: the lists it had under <see cref="Under"/> are replaced by
/// <see cref="Lists"/> in the burst's own commit. <see cref="Under"/> null means every output list of the activity
/// (names not starting with <c>$</c>) but those in <see cref="Keeping"/>, which the activity wrote while it ran
/// (<see cref="ResultListWriter"/>); otherwise the list named <see cref="Under"/> and those below it (<c>Under.x</c>).
/// </summary>
public sealed record ResultReplacement(string Activity, string? Under, IReadOnlyList<ResultList> Lists)
{
    /// <summary>Output lists already stored that the replacement leaves as they are.</summary>
    public IReadOnlySet<string> Keeping { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The owner name of the lists of workflow variables.</summary>
    public const string VariablesOwner = "$vars";

    /// <summary>The name prefix of the lists of an activity's state.</summary>
    public const string StatePrefix = "$state";

    public bool Covers(string activity, string name) =>
        activity == Activity && (Under is null
            ? !name.StartsWith('$') && !Keeping.Contains(name)
            : name == Under || name.StartsWith(Under + ".", StringComparison.Ordinal));
}
