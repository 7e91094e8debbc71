using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// Appends a finished scan to the compliance history a page of servers at a time, in the same execution that finishes
/// the activity: a replay of that execution after a crash appends again, and the history keeps one record per
/// instance, activity and server. Without a history store composed (an engine with no database) nothing is recorded.
/// </summary>
internal sealed class ScanHistoryRecorder
{
    private readonly IComplianceHistory? _history;
    private readonly ActivityContext _context;
    private readonly PatchScanResult _scan;
    private readonly IReadOnlyDictionary<string, ServerFacts> _servers;
    private readonly PatchPolicy? _policy;
    private int _offered;
    private int _added;

    private ScanHistoryRecorder(IComplianceHistory? history, ActivityContext context, PatchScanResult scan, IReadOnlyDictionary<string, ServerFacts> servers)
    {
        _history = history;
        _context = context;
        _scan = scan;
        _servers = servers;
        _policy = context.Services.GetService<PatchPolicyHolder>()?.Current;
    }

    // The resolved servers are the workflow's own resolution (a ResolveTargets output, possibly a stored list): their
    // environment and platform are taken from it. Without it the scanned servers are resolved again by id, which costs
    // a round of AWS reads (and a tag read per hybrid node) for each scan.
    public static async Task<ScanHistoryRecorder> OpenAsync(IPatchFleet fleet, ActivityContext context, PatchScanResult scan, JsonNode? resolved, CancellationToken cancellationToken)
    {
        if (context.Services.GetService<IComplianceHistory>() is not { } history || scan.Reported.Count == 0)
        {
            return new ScanHistoryRecorder(null, context, scan, new Dictionary<string, ServerFacts>());
        }

        // The patch state names the group; the resolution names environment and platform, which the dashboard filters on.
        var servers = resolved is null
            ? await ResolveAgainAsync(fleet, scan, cancellationToken)
            : await ReadResolvedAsync(context, scan, resolved, cancellationToken);
        return new ScanHistoryRecorder(history, context, scan, servers);
    }

    /// <summary>Appends the states of one page of scanned servers.</summary>
    public async Task RecordAsync(IReadOnlyList<InstanceMissingPatches> page, CancellationToken cancellationToken)
    {
        if (_history is null)
        {
            return;
        }

        var scans = new List<ServerScan>(page.Count);
        foreach (var found in page)
        {
            if (!_scan.Reports.TryGetValue(found.InstanceId, out var report))
            {
                continue;
            }

            var server = _servers.GetValueOrDefault(found.InstanceId);
            var group = report.PatchGroup ?? server?.PatchGroup;
            scans.Add(new ServerScan
            {
                ServerId = found.InstanceId,
                PatchGroup = group,
                Environment = server?.Environment ?? (group is null ? null : _policy?.Group(group)?.Environment),
                OperatingSystem = server is null || server.Platform == InstancePlatform.Unknown ? null : server.Platform.ToString(),
                BaselineId = report.BaselineId,
                Operation = report.LastOperation,
                ScannedAt = report.LastOperationEndedAt,
                Counts = PatchStateCounts.From(report),
                MissingPatches = found.Patches,
            });
        }

        try
        {
            _added += await _history.AppendScansAsync(new ScanSource(_context.InstanceId, _context.ActivityId, _context.Definition.Id), scans, cancellationToken);
            _offered += scans.Count;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not ActivityException)
        {
            // The history is kept in the product's own database: a write that failed (a restart, a dropped connection)
            // is worth retrying like any outage, and the append is idempotent, so the retry cannot record twice.
            throw new ActivityException($"The compliance history could not be written: {exception.GetBaseException().Message}", isTransient: true, exception);
        }
    }

    /// <summary>Journals what the pages recorded, once they are all in.</summary>
    public void Journal()
    {
        if (_history is not null)
        {
            _context.Journal($"Compliance history: {_added} of {_offered} server states recorded");
        }
    }

    private static async Task<Dictionary<string, ServerFacts>> ResolveAgainAsync(IPatchFleet fleet, PatchScanResult scan, CancellationToken cancellationToken) =>
        (await fleet.ResolveTargetsAsync(new TargetSelector { InstanceIds = [.. scan.Reported] }, cancellationToken))
            .ToDictionary(s => s.InstanceId, s => new ServerFacts(s.PatchGroup, s.Environment, s.Platform), StringComparer.Ordinal);

    /// <summary>The scanned servers' facts, read a page at a time from the resolved list; servers not scanned are skipped.</summary>
    private static async Task<Dictionary<string, ServerFacts>> ReadResolvedAsync(
        ActivityContext context, PatchScanResult scan, JsonNode resolved, CancellationToken cancellationToken)
    {
        var scanned = scan.Reported.ToHashSet(StringComparer.Ordinal);
        var servers = new Dictionary<string, ServerFacts>(scanned.Count, StringComparer.Ordinal);
        await foreach (var item in context.ReadListAsync(resolved, cancellationToken))
        {
            if (item is not JsonObject server || Text(server, "instanceId") is not { } id || !scanned.Contains(id))
            {
                continue;
            }

            var platform = Enum.TryParse<InstancePlatform>(Text(server, "platform"), ignoreCase: true, out var parsed) ? parsed : InstancePlatform.Unknown;
            servers[id] = new ServerFacts(Text(server, "patchGroup"), Text(server, "environment"), platform);
        }

        return servers;
    }

    private static string? Text(JsonObject server, string name) =>
        server[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
