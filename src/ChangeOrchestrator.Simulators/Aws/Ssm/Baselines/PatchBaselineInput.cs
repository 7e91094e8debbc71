using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>Reads and validates the baseline members shared by CreatePatchBaseline and UpdatePatchBaseline.</summary>
internal static partial class PatchBaselineInput
{
    public static readonly IReadOnlySet<string> OperatingSystems = new HashSet<string>(StringComparer.Ordinal)
    {
        "WINDOWS", "AMAZON_LINUX", "AMAZON_LINUX_2", "AMAZON_LINUX_2022", "AMAZON_LINUX_2023", "UBUNTU", "DEBIAN",
        "REDHAT_ENTERPRISE_LINUX", "SUSE", "CENTOS", "ORACLE_LINUX", "ROCKY_LINUX", "ALMA_LINUX", "MACOS", "RASPBIAN",
    };

    private static readonly HashSet<string> FilterKeys = new(StringComparer.Ordinal)
    {
        "ARCH", "ADVISORY_ID", "BUGZILLA_ID", "PATCH_SET", "PRODUCT", "PRODUCT_FAMILY", "CLASSIFICATION", "CVE_ID", "EPOCH",
        "MSRC_SEVERITY", "NAME", "PATCH_ID", "SECTION", "PRIORITY", "REPOSITORY", "RELEASE", "SEVERITY", "SECURITY", "VERSION",
    };

    private static readonly HashSet<string> ComplianceLevels = new(StringComparer.Ordinal)
    {
        "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNSPECIFIED",
    };

    public static string Name(SsmInput input)
    {
        var name = input.RequiredString("Name");
        return NamePattern().IsMatch(name) ? name : throw SsmErrors.Validation("name", "Member must satisfy regular expression pattern: ^[a-zA-Z0-9_\\-.]{3,128}$", name);
    }

    public static string OperatingSystem(SsmInput input)
    {
        var os = input.String("OperatingSystem") ?? "WINDOWS";
        return OperatingSystems.Contains(os) ? os : throw SsmErrors.Validation("operatingSystem", "Member must satisfy enum value set", os);
    }

    public static List<PatchFilter> Filters(SsmInput? group, string member, string operatingSystem)
    {
        var filters = group?.Objects("PatchFilters") ?? [];
        if (filters.Count > 4)
        {
            throw SsmErrors.Validation(member + ".patchFilters", "Member must have length less than or equal to 4");
        }

        // As the service does, a member inside a list is named by its 1-based position: patchFilters.2.member.values.
        return [.. filters.Select((filter, index) =>
        {
            var item = $"{member}.patchFilters.{index + 1}.member";
            var key = filter.RequiredString("Key");
            var values = filter.Strings("Values");
            if (!FilterKeys.Contains(key))
            {
                throw SsmErrors.Validation(item + ".key", "Member must satisfy enum value set", key);
            }

            if (!FilterKeysByOperatingSystem.Supports(operatingSystem, key))
            {
                throw SsmErrors.Validation(item + ".key", $"Key {key} is not supported for operating system {operatingSystem}", key);
            }

            if (values.Count is 0 or > 20)
            {
                throw SsmErrors.Validation(item + ".values", "Member must have length between 1 and 20", $"[{string.Join(", ", values)}]");
            }

            return new PatchFilter(key, values);
        })];
    }

    public static List<PatchRule> Rules(SsmInput input, string operatingSystem)
    {
        var rules = input.Object("ApprovalRules")?.Objects("PatchRules") ?? [];
        if (rules.Count > 10)
        {
            throw SsmErrors.Validation("approvalRules.patchRules", "Member must have length less than or equal to 10");
        }

        var debian = operatingSystem is "UBUNTU" or "DEBIAN" or "RASPBIAN";
        return [.. rules.Select((rule, index) =>
        {
            var item = $"approvalRules.patchRules.{index + 1}.member";
            var days = rule.Int("ApproveAfterDays");
            var until = rule.String("ApproveUntilDate");
            if (debian ? days is not null || until is not null : (days is null) == (until is null))
            {
                throw SsmErrors.Validation(item,
                    debian ? "ApproveAfterDays and ApproveUntilDate are not supported for this operating system"
                           : "Exactly one of ApproveAfterDays and ApproveUntilDate must be specified");
            }

            if (days is < 0 or > 360)
            {
                throw SsmErrors.Validation(item + ".approveAfterDays", "Member must have value between 0 and 360", days);
            }

            if (until is not null && !DatePattern().IsMatch(until))
            {
                throw SsmErrors.Validation(item + ".approveUntilDate", "Member must be a date in the format YYYY-MM-DD", until);
            }

            return new PatchRule(
                Filters(rule.Object("PatchFilterGroup") ?? throw SsmErrors.Required("PatchFilterGroup"), item + ".patchFilterGroup", operatingSystem),
                ComplianceLevel(rule.String("ComplianceLevel")),
                days,
                until,
                rule.Bool("EnableNonSecurity") ?? false);
        })];
    }

    public static List<string> PatchList(SsmInput input, string member)
    {
        var patches = input.Strings(member);
        return patches.Count <= 50 ? [.. patches] : throw SsmErrors.Validation(char.ToLowerInvariant(member[0]) + member[1..], "Member must have length less than or equal to 50");
    }

    public static string ComplianceLevel(string? value) =>
        value is null ? "UNSPECIFIED" : ComplianceLevels.Contains(value) ? value : throw SsmErrors.Validation("complianceLevel", "Member must satisfy enum value set", value);

    public static string RejectedPatchesAction(string? value) =>
        value is null ? "ALLOW_AS_DEPENDENCY" : value is "ALLOW_AS_DEPENDENCY" or "BLOCK" ? value
            : throw SsmErrors.Validation("rejectedPatchesAction", "Member must satisfy enum value set: [ALLOW_AS_DEPENDENCY, BLOCK]", value);

    [GeneratedRegex("^[a-zA-Z0-9_\\-.]{3,128}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DatePattern();
}
