using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Patching.Policies.Loading;

/// <summary>
/// The constraints SSM Patch Manager enforces that a policy is checked against before any call: names, enums,
/// and the operating-system rules (Debian and Ubuntu take no approval delay; each OS family has its filter keys).
/// </summary>
internal static partial class PolicyRules
{
    public static readonly string[] OperatingSystems =
    [
        "WINDOWS", "AMAZON_LINUX", "AMAZON_LINUX_2", "AMAZON_LINUX_2022", "AMAZON_LINUX_2023", "UBUNTU", "DEBIAN",
        "REDHAT_ENTERPRISE_LINUX", "SUSE", "CENTOS", "ORACLE_LINUX", "ROCKY_LINUX", "ALMA_LINUX", "MACOS", "RASPBIAN",
    ];

    public static readonly string[] ComplianceLevels = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNSPECIFIED"];

    public static readonly string[] RejectedPatchesActions = ["ALLOW_AS_DEPENDENCY", "BLOCK"];

    /// <summary>What follows a conflict in a change's window, as CheckConflicts' onConflict spells it.</summary>
    public static readonly string[] ConflictPolicies = ["nextWindow", "raiseWithConflicts", "stop"];

    public static readonly string[] SlaSeverities = ["Critical", "Important", "High", "Moderate", "Medium", "Low", "Informational", "Unspecified"];

    private static readonly string[] WindowsKeys = ["PATCH_SET", "PRODUCT", "PRODUCT_FAMILY", "CLASSIFICATION", "MSRC_SEVERITY", "PATCH_ID"];

    private static readonly string[] DebianKeys = ["PRODUCT", "PRIORITY", "SECTION", "NAME"];

    private static readonly string[] MacOsKeys = ["PRODUCT", "CLASSIFICATION"];

    private static readonly string[] RpmKeys =
    [
        "PRODUCT", "CLASSIFICATION", "SEVERITY", "SECURITY", "NAME", "ARCH", "EPOCH", "VERSION", "RELEASE", "REPOSITORY",
        "ADVISORY_ID", "BUGZILLA_ID", "CVE_ID",
    ];

    /// <summary>Debian-based systems approve by priority and section only: SSM refuses approval delays for them.</summary>
    public static bool TakesNoApprovalDelay(string operatingSystem) => operatingSystem is "UBUNTU" or "DEBIAN" or "RASPBIAN";

    public static IReadOnlyList<string> FilterKeys(string operatingSystem) => operatingSystem switch
    {
        "WINDOWS" => WindowsKeys,
        "UBUNTU" or "DEBIAN" or "RASPBIAN" => DebianKeys,
        "MACOS" => MacOsKeys,
        _ => RpmKeys,
    };

    [GeneratedRegex("^[a-zA-Z0-9_\\-.]{3,128}$")]
    public static partial Regex ResourceName();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    public static partial Regex Date();

    [GeneratedRegex("^cron\\((\\S+ ){5}\\S+\\)$")]
    public static partial Regex Cron();

    [GeneratedRegex("^rate\\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\\)$")]
    public static partial Regex Rate();

    /// <summary>Run Command MaxConcurrency: a count from 1 or a percentage from 1%.</summary>
    [GeneratedRegex("^([1-9][0-9]*|[1-9][0-9]?%|100%)$")]
    public static partial Regex Concurrency();

    /// <summary>MaxErrors and failure thresholds: a count or a percentage, 0 allowed.</summary>
    [GeneratedRegex("^([0-9]+|[0-9][0-9]?%|100%)$")]
    public static partial Regex Threshold();

    [GeneratedRegex("^(i-([0-9a-f]{8}|[0-9a-f]{17})|mi-[0-9a-f]{17})$")]
    public static partial Regex InstanceId();

    [GeneratedRegex("^CVE-[0-9]{4}-[0-9]{4,}$")]
    public static partial Regex Cve();
}
