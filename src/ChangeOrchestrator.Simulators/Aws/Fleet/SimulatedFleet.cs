using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Fleet;

/// <summary>The servers of the simulated account, in generation order, with their volumes indexed by id.</summary>
internal sealed class SimulatedFleet
{
    private readonly Dictionary<string, FleetNode> _nodes;
    private readonly Dictionary<string, int> _positions;
    private readonly Dictionary<string, (FleetNode Node, EbsVolume Volume)> _volumes = new(StringComparer.Ordinal);

    public SimulatedFleet(IReadOnlyList<FleetNode> nodes, IReadOnlyDictionary<string, PatchCatalog> catalogs)
    {
        Nodes = nodes;
        Catalogs = catalogs;
        _nodes = new Dictionary<string, FleetNode>(nodes.Count, StringComparer.Ordinal);
        _positions = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            _nodes[node.InstanceId] = node;
            _positions[node.InstanceId] = i;
            foreach (var volume in node.Ec2?.Volumes ?? [])
            {
                _volumes[volume.VolumeId] = (node, volume);
            }
        }
    }

    public IReadOnlyList<FleetNode> Nodes { get; }

    public IReadOnlyDictionary<string, PatchCatalog> Catalogs { get; }

    public FleetNode? Find(string instanceId) => _nodes.GetValueOrDefault(instanceId);

    /// <summary>
    /// The nodes among <paramref name="instanceIds"/>, in generation order as <see cref="Nodes"/> lists them: what a scan
    /// of every node for these ids finds, without the scan (a call naming 50 ids of a 100,000-node fleet).
    /// </summary>
    public IReadOnlyList<FleetNode> FindInOrder(IEnumerable<string> instanceIds) =>
        [.. instanceIds.Distinct(StringComparer.Ordinal)
            .Where(_positions.ContainsKey)
            .OrderBy(id => _positions[id])
            .Select(id => _nodes[id])];

    /// <summary>Every volume of the account, attached or kept after a detach, with the node it belongs or belonged to.</summary>
    public IEnumerable<(FleetNode Node, EbsVolume Volume)> Volumes => _volumes.Values;

    public bool TryFindVolume(string volumeId, out FleetNode node, out EbsVolume volume)
    {
        var found = _volumes.TryGetValue(volumeId, out var entry);
        (node, volume) = entry;
        return found;
    }

    public void AttachVolume(FleetNode node, EbsVolume volume)
    {
        node.Ec2?.Volumes.Add(volume);
        _volumes[volume.VolumeId] = (node, volume);
    }

    public void DetachVolume(FleetNode node, EbsVolume volume, bool delete)
    {
        node.Ec2?.Volumes.Remove(volume);
        if (delete)
        {
            _volumes.Remove(volume.VolumeId);
        }
    }
}
