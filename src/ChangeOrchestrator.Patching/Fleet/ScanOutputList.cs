using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// A scan's per-server output list, filled a page of servers at a time: held for the output when the scan fits in one
/// page (the commit stores it apart as any long list), written away page by page when it spans more, so a
/// 50,000-server scan never holds it whole.
/// </summary>
internal sealed class ScanOutputList
{
    private readonly string _name;
    private readonly ResultListWriter? _writer;
    private readonly List<InstanceMissingPatches> _held = [];

    private ScanOutputList(string name, ResultListWriter? writer)
    {
        _name = name;
        _writer = writer;
    }

    public static ScanOutputList For(ActivityContext context, PatchScanResult scan, string name) =>
        new(name, scan.Reported.Count > PatchScan.PageSize ? context.WriteList(name) : null);

    /// <summary>The servers held for the output: none when the list is written away.</summary>
    public IReadOnlyList<InstanceMissingPatches> Held => _held;

    public int Count => _writer?.Count ?? _held.Count;

    public async Task AddAsync(IReadOnlyList<InstanceMissingPatches> servers, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            _held.AddRange(servers);
        }
        else if (servers.Count > 0)
        {
            await _writer.AppendAsync([.. servers.Select(server => ActivityJson.ToNode(server))], cancellationToken);
        }
    }

    /// <summary>The output property the written list takes the place of; none when the list is held.</summary>
    public async Task<IReadOnlyDictionary<string, JsonNode>> WrittenAsync(CancellationToken cancellationToken) =>
        _writer is null
            ? new Dictionary<string, JsonNode>()
            : new Dictionary<string, JsonNode> { [_name] = await _writer.CompleteAsync(cancellationToken) };
}
