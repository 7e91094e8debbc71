using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>The registered sources of allowed values by name; each source is built only when its values are first asked for.</summary>
public sealed class AllowedValueSources(IEnumerable<AllowedValueSourceRegistration> registrations, IServiceProvider services)
{
    private readonly Dictionary<string, AllowedValueSourceRegistration> _byName =
        registrations.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public AllowedValueSourceRegistration? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The source's values now.</summary>
    /// <exception cref="AllowedValuesUnavailableException">The source is not registered, cannot be built here, or failed.</exception>
    public Task<AllowedValueSet> GetAsync(string name, CancellationToken cancellationToken)
    {
        var (registration, source) = Resolve(name);
        return AskAsync(registration, () => source.GetAsync(cancellationToken));
    }

    /// <summary>
    /// Checks values against their sources for one start: a source that can check one value
    /// (<see cref="IAllowedValueFinder"/>) is asked once per value, any other source is read once however many values
    /// name it.
    /// </summary>
    public AllowedValueLookup StartLookup() => new(this);

    /// <summary>The source's answer for one value, without reading its whole list; null when the source cannot check one value.</summary>
    /// <exception cref="AllowedValuesUnavailableException">The source is not registered, cannot be built here, or failed.</exception>
    internal Task<AllowedValueMatch>? FindOne(string name, string value, CancellationToken cancellationToken)
    {
        var (registration, source) = Resolve(name);
        return source is IAllowedValueFinder finder ? AskAsync(registration, () => finder.FindAsync(value, cancellationToken)) : null;
    }

    private (AllowedValueSourceRegistration Registration, IAllowedValueSource Source) Resolve(string name)
    {
        var registration = Find(name) ?? throw new AllowedValuesUnavailableException($"no source of allowed values is named '{name}'");
        try
        {
            return (registration, (IAllowedValueSource)services.GetRequiredService(registration.SourceType));
        }
        catch (InvalidOperationException ex)
        {
            // A source whose port is not configured (no AWS region, say) cannot answer; the caller decides what that means.
            throw new AllowedValuesUnavailableException($"{registration.Description} cannot be read here: {ex.Message}", ex);
        }
    }

    private static async Task<T> AskAsync<T>(AllowedValueSourceRegistration registration, Func<Task<T>> ask)
    {
        try
        {
            return await ask();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not AllowedValuesUnavailableException)
        {
            throw new AllowedValuesUnavailableException($"{registration.Description} could not be read: {ex.Message}", ex);
        }
    }
}
