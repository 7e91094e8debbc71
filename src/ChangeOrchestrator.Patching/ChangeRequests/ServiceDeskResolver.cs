namespace ChangeOrchestrator.Patching.ChangeRequests;

public sealed class ServiceDeskResolver : IServiceDeskResolver
{
    private readonly Dictionary<string, IServiceDesk> _desks;

    public ServiceDeskResolver(IEnumerable<IServiceDesk> desks)
    {
        _desks = desks.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Names => _desks.Keys;

    public IServiceDesk Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_desks.TryGetValue(name, out var desk))
        {
            return desk;
        }

        var configured = _desks.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", _desks.Keys.Order(StringComparer.Ordinal));
        throw new KeyNotFoundException($"No service desk named '{name}' ({configured}).");
    }
}
