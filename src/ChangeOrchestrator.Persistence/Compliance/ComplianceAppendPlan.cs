using ChangeOrchestrator.Patching.Compliance.History;

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>
/// What one part of an append writes, decided from the servers' recorded state and open findings as read: the scan
/// rows, each server's new last state, the findings opened, and the open findings seen again or found remediated. It
/// only decides; <see cref="EfComplianceRows"/> or <see cref="PostgresComplianceRows"/> writes it.
/// </summary>
internal sealed class ComplianceAppendPlan
{
    public List<ComplianceScanRow> Scans { get; } = [];

    public List<ComplianceServerRow> NewServers { get; } = [];

    public List<ComplianceServerRow> ChangedServers { get; } = [];

    public List<ComplianceFindingRow> NewFindings { get; } = [];

    /// <summary>Open findings with new values: seen again (last seen, severity, placement) or remediated.</summary>
    public List<ComplianceFindingRow> ChangedFindings { get; } = [];

    /// <summary>
    /// The part's plan. <paramref name="servers"/> (the recorded state of the part's servers that have one, by id) and
    /// <paramref name="open"/> (their open findings) are changed in place and become the plan's changed rows.
    /// </summary>
    public static ComplianceAppendPlan For(
        ScanSource source, IReadOnlyList<ServerScan> scans, IReadOnlyDictionary<string, ComplianceServerRow> servers, ILookup<string, ComplianceFindingRow> open)
    {
        var plan = new ComplianceAppendPlan();
        foreach (var scan in scans)
        {
            plan.Scans.Add(ScanRow(source, scan));

            // An older scan arriving late is history, not the server's state: its state and findings stay as they are.
            if (servers.TryGetValue(scan.ServerId, out var server) && server.ScannedAt > scan.ScannedAt)
            {
                continue;
            }

            if (server is null)
            {
                server = new ComplianceServerRow
                {
                    ServerId = scan.ServerId, PatchGroup = string.Empty, Environment = string.Empty, OperatingSystem = string.Empty, Operation = string.Empty,
                    FirstScannedAt = scan.ScannedAt,
                };
                plan.NewServers.Add(server);
            }
            else
            {
                plan.ChangedServers.Add(server);
            }

            server.PatchGroup = scan.PatchGroup ?? string.Empty;
            server.Environment = scan.Environment ?? string.Empty;
            server.OperatingSystem = scan.OperatingSystem ?? string.Empty;
            server.BaselineId = scan.BaselineId;
            server.Operation = scan.Operation.ToString();
            server.ScannedAt = scan.ScannedAt;
            server.SetCounts(scan.Counts);
            server.FirstScannedAt ??= scan.ScannedAt;
            plan.UpdateFindings(scan, server.FirstScannedAt.Value, open[scan.ServerId]);
        }

        return plan;
    }

    private static ComplianceScanRow ScanRow(ScanSource source, ServerScan scan)
    {
        var row = new ComplianceScanRow
        {
            WorkflowInstanceId = source.WorkflowInstanceId,
            ActivityId = source.ActivityId,
            Source = source.DefinitionId,
            ServerId = scan.ServerId,
            PatchGroup = scan.PatchGroup,
            Environment = scan.Environment,
            OperatingSystem = scan.OperatingSystem,
            BaselineId = scan.BaselineId,
            Operation = scan.Operation.ToString(),
            ScannedAt = scan.ScannedAt,
            MissingPatches = MissingPatchDocument.Write(scan.MissingPatches),
        };
        row.SetCounts(scan.Counts);
        return row;
    }

    private void UpdateFindings(ServerScan scan, DateTimeOffset serverFirstSeen, IEnumerable<ComplianceFindingRow> open)
    {
        var missing = scan.MissingPatches.DistinctBy(p => p.Id, StringComparer.Ordinal).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in open)
        {
            if (missing.TryGetValue(finding.PatchId, out var patch) && seen.Add(finding.PatchId))
            {
                finding.LastSeenAt = scan.ScannedAt;
                finding.Severity = patch.Severity;
                finding.PatchGroup = scan.PatchGroup ?? string.Empty;
                finding.Environment = scan.Environment ?? string.Empty;
                finding.OperatingSystem = scan.OperatingSystem ?? string.Empty;
            }
            else
            {
                finding.RemediatedAt = scan.ScannedAt;
                finding.RemediationTicks = Math.Max(0, scan.ScannedAt.UtcTicks - finding.ClockStartTicks);
            }

            ChangedFindings.Add(finding);
        }

        foreach (var patch in missing.Values.Where(p => !seen.Contains(p.Id)))
        {
            NewFindings.Add(new ComplianceFindingRow
            {
                ServerId = scan.ServerId,
                PatchGroup = scan.PatchGroup ?? string.Empty,
                Environment = scan.Environment ?? string.Empty,
                OperatingSystem = scan.OperatingSystem ?? string.Empty,
                PatchId = Truncate(patch.Id, ComplianceScanRow.NameLength),
                Title = Truncate(patch.Title, ComplianceFindingRow.TitleLength),
                Severity = patch.Severity,
                Classification = patch.Classification,
                ReleaseDate = patch.ReleaseDate,
                CveIds = Truncate(string.Join(',', patch.CveIds), ComplianceFindingRow.CveLength),
                FirstSeenAt = scan.ScannedAt,
                ServerFirstSeenAt = serverFirstSeen,
                LastSeenAt = scan.ScannedAt,
                ClockStartTicks = PatchFinding.ClockStartOf(patch.ReleaseDate, serverFirstSeen, scan.ScannedAt).UtcTicks,
            });
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
