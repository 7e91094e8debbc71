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
    public async Task<AllowedValueSet> GetAsync(string name, CancellationToken cancellationToken)
    {
        var registration = Find(name) ?? throw new AllowedValuesUnavailableException($"no source of allowed values is named '{name}'");
        IAllowedValueSource source;
        try
        {
            source = (IAllowedValueSource)services.GetRequiredService(registration.SourceType);
        }
        catch (InvalidOperationException ex)
        {
            // A source whose port is not configured (no AWS region, say) cannot answer; the caller decides what that means.
            throw new AllowedValuesUnavailableException($"{registration.Description} cannot be read here: {ex.Message}", ex);
        }

        try
        {
            return await source.GetAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not AllowedValuesUnavailableException)
        {
            throw new AllowedValuesUnavailableException($"{registration.Description} could not be read: {ex.Message}", ex);
        }
    }
}
