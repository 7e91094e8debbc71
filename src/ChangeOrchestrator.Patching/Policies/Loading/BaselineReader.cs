using System.Globalization;

namespace ChangeOrchestrator.Patching.Policies.Loading;

/// <summary>Reads a baseline and checks it as SSM would, before any call: names, enums and the operating system's rules.</summary>
internal static class BaselineReader
{
    public static BaselinePolicy? Read(YamlObject yaml)
    {
        yaml.Only("name", "operatingSystem", "description", "approvalRules", "approvedPatches", "approvedPatchesComplianceLevel",
            "approvedPatchesEnableNonSecurity", "rejectedPatches", "rejectedPatchesAction", "globalFilters", "sources",
            "availableSecurityUpdatesComplianceStatus");
        var name = yaml.String("name", required: true);
        if (name is not null && !PolicyRules.ResourceName().IsMatch(name))
        {
            yaml.Error("name", $"'{name}' must be 3 to 128 letters, digits, '_', '-' or '.'");
        }

        var os = yaml.String("operatingSystem", required: true);
        if (os is not null && !PolicyRules.OperatingSystems.Contains(os, StringComparer.Ordinal))
        {
            yaml.Error("operatingSystem", $"'{os}' is not one of {string.Join(", ", PolicyRules.OperatingSystems)}");
            os = null;
        }

        var rules = new List<PatchRulePolicy>();
        if (yaml.Object("approvalRules") is { } approvalRules)
        {
            approvalRules.Only("patchRules");
            rules.AddRange(approvalRules.Objects("patchRules").Select(rule => Rule(rule, os)));
        }

        var globalFilters = yaml.Object("globalFilters") is { } global ? FilterGroup(global, os) : [];
        var sources = yaml.Objects("sources", "name").Select(Source).ToList();
        var securityStatus = yaml.String("availableSecurityUpdatesComplianceStatus");
        if (securityStatus is not null && securityStatus is not ("COMPLIANT" or "NON_COMPLIANT"))
        {
            yaml.Error("availableSecurityUpdatesComplianceStatus", $"'{securityStatus}' is not COMPLIANT or NON_COMPLIANT");
        }
        else if (securityStatus is not null && os is not null and not "WINDOWS")
        {
            yaml.Error("availableSecurityUpdatesComplianceStatus", "applies to WINDOWS baselines only");
        }

        return name is null || os is null ? null : new BaselinePolicy
        {
            Name = name,
            OperatingSystem = os,
            Description = yaml.String("description"),
            ApprovalRules = rules,
            ApprovedPatches = yaml.Strings("approvedPatches"),
            ApprovedPatchesComplianceLevel = Enum(yaml, "approvedPatchesComplianceLevel", PolicyRules.ComplianceLevels) ?? "UNSPECIFIED",
            ApprovedPatchesEnableNonSecurity = yaml.Bool("approvedPatchesEnableNonSecurity") ?? false,
            RejectedPatches = yaml.Strings("rejectedPatches"),
            RejectedPatchesAction = Enum(yaml, "rejectedPatchesAction", PolicyRules.RejectedPatchesActions) ?? "ALLOW_AS_DEPENDENCY",
            GlobalFilters = globalFilters,
            Sources = sources,
            AvailableSecurityUpdatesComplianceStatus = securityStatus,
            Location = yaml.Location,
        };
    }

    private static PatchRulePolicy Rule(YamlObject rule, string? os)
    {
        rule.Only("patchFilterGroup", "complianceLevel", "approveAfterDays", "approveUntilDate", "enableNonSecurity");
        var filters = rule.Object("patchFilterGroup", required: true) is { } group ? FilterGroup(group, os) : [];
        var days = rule.Int("approveAfterDays", 0, 360);
        var until = rule.String("approveUntilDate");
        if (until is not null && (!PolicyRules.Date().IsMatch(until)
            || !DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            rule.Error("approveUntilDate", $"'{until}' must be a date written YYYY-MM-DD");
        }

        var hasDelay = rule.Node.Children.ContainsKey(new YamlDotNet.RepresentationModel.YamlScalarNode("approveAfterDays"));
        var hasDate = until is not null;
        if (os is not null && PolicyRules.TakesNoApprovalDelay(os))
        {
            if (hasDelay || hasDate)
            {
                rule.Error(hasDelay ? "approveAfterDays" : "approveUntilDate",
                    $"{os} baselines approve patches as soon as they are released: SSM takes no approveAfterDays or approveUntilDate for them");
            }
        }
        else if (os is not null && hasDelay == hasDate)
        {
            rule.Error(hasDelay ? "approveUntilDate" : "approveAfterDays", "give exactly one of approveAfterDays (0 to 360) and approveUntilDate (YYYY-MM-DD)");
        }

        var enableNonSecurity = rule.Bool("enableNonSecurity") ?? false;
        if (enableNonSecurity && os is "WINDOWS")
        {
            rule.Error("enableNonSecurity", "applies to Linux baselines only");
        }

        return new PatchRulePolicy
        {
            Filters = filters,
            ComplianceLevel = Enum(rule, "complianceLevel", PolicyRules.ComplianceLevels) ?? "UNSPECIFIED",
            ApproveAfterDays = days,
            ApproveUntilDate = until,
            EnableNonSecurity = enableNonSecurity,
        };
    }

    private static List<PatchFilterPolicy> FilterGroup(YamlObject group, string? os)
    {
        group.Only("patchFilters");
        var filters = new List<PatchFilterPolicy>();
        foreach (var filter in group.Objects("patchFilters", "key"))
        {
            filter.Only("key", "values");
            var key = filter.String("key", required: true);
            var values = filter.Strings("values");
            if (values.Count == 0)
            {
                filter.Error("values", "needs at least one value ('*' matches all)");
            }

            if (key is not null && os is not null && !PolicyRules.FilterKeys(os).Contains(key, StringComparer.Ordinal))
            {
                filter.Error("key", $"'{key}' is not a patch property of {os}; use one of {string.Join(", ", PolicyRules.FilterKeys(os))}");
            }

            if (key is not null)
            {
                filters.Add(new PatchFilterPolicy(key, values));
            }
        }

        return filters;
    }

    private static PatchSourcePolicy Source(YamlObject source)
    {
        source.Only("name", "products", "configuration");
        var products = source.Strings("products");
        if (products.Count == 0)
        {
            source.Error("products", "needs at least one product, e.g. AmazonLinux2023");
        }

        return new PatchSourcePolicy(source.String("name", required: true) ?? "", products, source.String("configuration", required: true) ?? "");
    }

    private static string? Enum(YamlObject yaml, string key, string[] allowed)
    {
        var value = yaml.String(key);
        if (value is null || allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        yaml.Error(key, $"'{value}' is not one of {string.Join(", ", allowed)}");
        return null;
    }
}
