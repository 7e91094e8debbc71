using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// A baseline or window flattened to field path and value, named as in the policy files, so that the desired and
/// the deployed resource compare field by field and hash the same when they are equal. Values SSM fills in by
/// default (UNSPECIFIED, ALLOW_AS_DEPENDENCY, false, empty lists) are written out, so leaving them out of a policy
/// is no difference.
/// </summary>
public static class PolicyFields
{
    public static SortedDictionary<string, string> Of(BaselinePolicy baseline)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["operatingSystem"] = baseline.OperatingSystem,
            ["approvedPatches"] = List(baseline.ApprovedPatches),
            ["approvedPatchesComplianceLevel"] = baseline.ApprovedPatchesComplianceLevel,
            ["approvedPatchesEnableNonSecurity"] = Bool(baseline.ApprovedPatchesEnableNonSecurity),
            ["rejectedPatches"] = List(baseline.RejectedPatches),
            ["rejectedPatchesAction"] = baseline.RejectedPatchesAction,
            ["approvalRules.patchRules"] = baseline.ApprovalRules.Count.ToString(CultureInfo.InvariantCulture) + " rules",
        };
        Optional(fields, "description", baseline.Description);
        Optional(fields, "availableSecurityUpdatesComplianceStatus", baseline.AvailableSecurityUpdatesComplianceStatus);
        Filters(fields, "globalFilters", baseline.GlobalFilters);
        for (var i = 0; i < baseline.ApprovalRules.Count; i++)
        {
            var rule = baseline.ApprovalRules[i];
            var path = $"approvalRules.patchRules[{i}]";
            Filters(fields, path + ".patchFilterGroup", rule.Filters);
            fields[path + ".complianceLevel"] = rule.ComplianceLevel;
            fields[path + ".enableNonSecurity"] = Bool(rule.EnableNonSecurity);
            Optional(fields, path + ".approveAfterDays", rule.ApproveAfterDays?.ToString(CultureInfo.InvariantCulture));
            Optional(fields, path + ".approveUntilDate", rule.ApproveUntilDate);
        }

        foreach (var source in baseline.Sources)
        {
            fields[$"sources[{source.Name}].products"] = List(source.Products);
            fields[$"sources[{source.Name}].configuration"] = source.Configuration;
        }

        return fields;
    }

    public static SortedDictionary<string, string> Of(MaintenanceWindowPolicy window)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["schedule"] = window.Schedule,
            ["duration"] = window.Duration.ToString(CultureInfo.InvariantCulture),
            ["cutoff"] = window.Cutoff.ToString(CultureInfo.InvariantCulture),
            ["patchGroups"] = List(window.PatchGroups),
        };
        Optional(fields, "timeZone", window.TimeZone);
        Optional(fields, "description", window.Description);
        return fields;
    }

    /// <summary>A freeze calendar: its default state and each freeze, keyed by its start so that one freeze moved shows as one field.</summary>
    public static SortedDictionary<string, string> Of(FreezeCalendar calendar)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["calendarType"] = calendar.DefaultOpen ? "DEFAULT_OPEN" : "DEFAULT_CLOSED",
            ["freezes"] = calendar.Freezes.Count.ToString(CultureInfo.InvariantCulture) + " freezes",
        };
        foreach (var freeze in calendar.Freezes)
        {
            fields[$"freezes[{Instant(freeze.Start)}]"] = $"until {Instant(freeze.End)}" + (string.IsNullOrEmpty(freeze.Reason) ? "" : $": {freeze.Reason}");
        }

        return fields;
    }

    /// <summary>A short, stable digest of the fields, kept in a tag on what was applied.</summary>
    public static string Hash(IReadOnlyDictionary<string, string> fields)
    {
        var text = string.Concat(fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}\n"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    public static IReadOnlyList<FieldChange> Diff(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> desired) =>
    [
        .. current.Keys.Union(desired.Keys).Order(StringComparer.Ordinal)
            .Select(key => new FieldChange(key, current.GetValueOrDefault(key), desired.GetValueOrDefault(key)))
            .Where(change => change.Current != change.Desired),
    ];

    private static void Filters(SortedDictionary<string, string> fields, string path, IReadOnlyList<PatchFilterPolicy> filters)
    {
        foreach (var filter in filters)
        {
            fields[$"{path}.patchFilters[{filter.Key}].values"] = List(filter.Values);
        }
    }

    private static void Optional(SortedDictionary<string, string> fields, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields[key] = value;
        }
    }

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
