using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;
using ChangeOrchestrator.Simulators.Aws.Matching;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>Decides whether a baseline approves a patch at an instant, as Patch Manager evaluates rules.</summary>
internal static class PatchApprover
{
    public static PatchApproval Evaluate(PatchBaseline baseline, OperatingSystemProfile os, PatchDefinition patch, DateTimeOffset at)
    {
        var rejected = baseline.RejectedPatches.Exists(entry => MatchesListEntry(entry, patch));
        if (rejected && baseline.RejectedPatchesAction == "BLOCK")
        {
            return new PatchApproval(false, true, "UNSPECIFIED");
        }

        if (baseline.ApprovedPatches.Exists(entry => MatchesListEntry(entry, patch)))
        {
            return new PatchApproval(!rejected, rejected, baseline.ApprovedPatchesComplianceLevel);
        }

        if (!baseline.GlobalFilters.TrueForAll(filter => Matches(filter, os, patch)))
        {
            return new PatchApproval(false, rejected, "UNSPECIFIED");
        }

        foreach (var rule in baseline.ApprovalRules)
        {
            if (!rule.Filters.All(filter => Matches(filter, os, patch)))
            {
                continue;
            }

            var due = rule.ApproveAfterDays is { } days ? patch.ReleaseDate.AddDays(days) <= at
                : rule.ApproveUntilDate is { } until ? string.CompareOrdinal(patch.ReleaseDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), until) <= 0
                : true;
            if (due)
            {
                return new PatchApproval(!rejected, rejected, rule.ComplianceLevel);
            }
        }

        return new PatchApproval(false, rejected, "UNSPECIFIED");
    }

    private static bool Matches(PatchFilter filter, OperatingSystemProfile os, PatchDefinition patch)
    {
        string?[] values = filter.Key switch
        {
            "CLASSIFICATION" or "SECTION" => [patch.Classification],
            "MSRC_SEVERITY" or "SEVERITY" or "PRIORITY" => [patch.Severity],
            "PRODUCT" => [patch.Product],
            "PRODUCT_FAMILY" => [os.ProductFamily],
            "PATCH_SET" => [patch.RequiredApplication is null ? "OS" : "APPLICATION"],
            "CVE_ID" => [.. patch.CveIds],
            "ADVISORY_ID" => [patch.AdvisoryId],
            "NAME" => [patch.PackageName],
            "PATCH_ID" => [patch.KbId],
            // Attributes the simulated catalogue does not model (ARCH, EPOCH, REPOSITORY, ...) accept every patch.
            _ => [null],
        };
        return values.Any(value => value is null || filter.Values.Any(pattern => Glob.IsMatch(pattern, value)));
    }

    private static bool MatchesListEntry(string entry, PatchDefinition patch) =>
        string.Equals(entry, patch.KbId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(entry, patch.Title, StringComparison.OrdinalIgnoreCase)
        || string.Equals(entry, patch.AdvisoryId, StringComparison.OrdinalIgnoreCase)
        || patch.CveIds.Contains(entry, StringComparer.OrdinalIgnoreCase)
        || Glob.IsMatch(entry, patch.PackageName);
}
