using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>The AWS-owned baselines every account sees, each the default for its operating system.</summary>
internal static class PredefinedPatchBaselines
{
    private const string AwsAccount = "075727635805";

    public static IEnumerable<PatchBaseline> Create(string region, DateTimeOffset createdAt)
    {
        PatchFilter F(string key, params string[] values) => new(key, values);
        PatchRule Rule(int? days, params PatchFilter[] filters) => new(filters, "UNSPECIFIED", days, null, false);

        yield return Baseline("AWS-DefaultPatchBaseline", "WINDOWS",
            "Default Patch Baseline Provided by AWS.",
            Rule(7, F("PRODUCT", "*"), F("CLASSIFICATION", "CriticalUpdates", "SecurityUpdates"), F("MSRC_SEVERITY", "Critical", "Important")));
        yield return Baseline("AWS-AmazonLinux2023DefaultPatchBaseline", "AMAZON_LINUX_2023",
            "Default Patch Baseline for Amazon Linux 2023 Provided by AWS.",
            Rule(7, F("PRODUCT", "*"), F("CLASSIFICATION", "Security"), F("SEVERITY", "Critical", "Important")),
            Rule(7, F("PRODUCT", "*"), F("CLASSIFICATION", "Bugfix")));
        yield return Baseline("AWS-UbuntuDefaultPatchBaseline", "UBUNTU",
            "Default Patch Baseline for Ubuntu Provided by AWS.",
            Rule(null, F("PRODUCT", "*"), F("PRIORITY", "Required", "Important", "Standard", "Optional", "Extra")));
        yield return Baseline("AWS-RedHatDefaultPatchBaseline", "REDHAT_ENTERPRISE_LINUX",
            "Default Patch Baseline for Redhat Enterprise Linux Provided by AWS.",
            Rule(7, F("PRODUCT", "*"), F("CLASSIFICATION", "Security"), F("SEVERITY", "Critical", "Important")),
            Rule(7, F("PRODUCT", "*"), F("CLASSIFICATION", "Bugfix")));

        string[] others =
        [
            "AMAZON_LINUX", "AMAZON_LINUX_2", "AMAZON_LINUX_2022", "DEBIAN", "SUSE", "CENTOS", "ORACLE_LINUX",
            "ROCKY_LINUX", "ALMA_LINUX", "MACOS", "RASPBIAN",
        ];
        foreach (var os in others)
        {
            var name = "AWS-" + string.Concat(os.Split('_').Select(part => part[0] + part[1..].ToLowerInvariant())) + "DefaultPatchBaseline";
            yield return Baseline(name, os, $"Default Patch Baseline for {os} Provided by AWS.",
                os is "DEBIAN" or "RASPBIAN"
                    ? Rule(null, F("PRODUCT", "*"), F("PRIORITY", "Required", "Important"))
                    : Rule(7, F("PRODUCT", "*"), F("CLASSIFICATION", "Security"), F("SEVERITY", "Critical", "Important")));
        }

        PatchBaseline Baseline(string name, string os, string description, params PatchRule[] rules) => new()
        {
            BaselineId = $"arn:aws:ssm:{region}:{AwsAccount}:patchbaseline/{AwsIds.FromIndex("pb-", StableHash.Of(name), 0, 10)}",
            Name = name,
            OperatingSystem = os,
            IsAwsOwned = true,
            Description = description,
            CreatedDate = createdAt,
            ModifiedDate = createdAt,
            ApprovalRules = [.. rules],
        };
    }
}
