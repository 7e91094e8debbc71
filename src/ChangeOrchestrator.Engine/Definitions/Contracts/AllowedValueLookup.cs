namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>
/// The <c>enumFrom</c> checks of one start (<see cref="AllowedValueSources.StartLookup"/>): one answer per source
/// and value, and one read of a source's whole list however many values name it when the source cannot check one.
/// </summary>
public sealed class AllowedValueLookup
{
    private readonly AllowedValueSources _sources;
    private readonly Dictionary<string, AllowedValueSet> _sets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Value), AllowedValueMatch> _matches = [];

    internal AllowedValueLookup(AllowedValueSources sources) => _sources = sources;

    /// <exception cref="AllowedValuesUnavailableException">The source is not registered, cannot be built here, or failed.</exception>
    public async Task<AllowedValueMatch> MatchAsync(string source, string value, CancellationToken cancellationToken)
    {
        if (_matches.TryGetValue((source, value), out var known))
        {
            return known;
        }

        AllowedValueMatch match;
        if (_sets.TryGetValue(source, out var set))
        {
            match = AllowedValueMatch.In(set, value);
        }
        else if (_sources.FindOne(source, value, cancellationToken) is { } finding)
        {
            match = await finding;
        }
        else
        {
            set = await _sources.GetAsync(source, cancellationToken);
            _sets[source] = set;
            match = AllowedValueMatch.In(set, value);
        }

        _matches[(source, value)] = match;
        return match;
    }
}
