using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

/// <summary>Patch compliance as the Compliance API sees it: every reported patch is a compliance item with a severity.</summary>
internal static class ComplianceSeverity
{
    private static readonly string[] Levels = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNSPECIFIED"];

    public static bool IsCompliantItem(PatchComplianceRow row) => !PatchStates.IsNonCompliant(row.State);

    /// <summary>The worst severity among non-compliant items, or UNSPECIFIED.</summary>
    public static string Overall(PatchComplianceReport report) =>
        Levels.FirstOrDefault(level => report.Rows.Any(r => !IsCompliantItem(r) && r.ComplianceLevel == level)) ?? "UNSPECIFIED";

    public static JsonObject Summary(IEnumerable<string> levels)
    {
        var counts = levels.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new JsonObject
        {
            ["CriticalCount"] = counts.GetValueOrDefault("CRITICAL"),
            ["HighCount"] = counts.GetValueOrDefault("HIGH"),
            ["MediumCount"] = counts.GetValueOrDefault("MEDIUM"),
            ["LowCount"] = counts.GetValueOrDefault("LOW"),
            ["InformationalCount"] = counts.GetValueOrDefault("INFORMATIONAL"),
            ["UnspecifiedCount"] = counts.GetValueOrDefault("UNSPECIFIED"),
        };
    }
}
