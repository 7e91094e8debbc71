using System.Xml;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Patching.Policies.Loading;

/// <summary>Reads a patch group and its change policy; references to baselines are checked once every file is read.</summary>
internal static class PatchGroupReader
{
    public static PatchGroupPolicy? Read(YamlObject yaml)
    {
        yaml.Only("name", "environment", "baselines", "changePolicy");
        var name = yaml.String("name", required: true);
        if (name is { Length: 0 or > 256 })
        {
            yaml.Error("name", "must be 1 to 256 characters: it is the value of the servers' Patch Group tag");
        }

        var environment = yaml.String("environment", required: true);
        var baselines = new Dictionary<string, string>(StringComparer.Ordinal);
        if (yaml.Object("baselines") is { } map)
        {
            foreach (var os in map.Node.Children.Keys.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(k => k.Value ?? ""))
            {
                if (!PolicyRules.OperatingSystems.Contains(os, StringComparer.Ordinal))
                {
                    map.Error(os, $"'{os}' is not an operating system; use one of {string.Join(", ", PolicyRules.OperatingSystems)}");
                }
                else if (map.String(os, required: true) is { } baseline)
                {
                    baselines[os] = baseline;
                }
            }
        }

        // A group whose change policy has errors is still kept, so that its references are checked too; the
        // errors already make the whole policy invalid, so the stand-in policy is never used.
        var changePolicy = yaml.Object("changePolicy", required: true) is { } policy ? ChangePolicy(policy) : null;
        return name is null || environment is null ? null : new PatchGroupPolicy
        {
            Name = name,
            Environment = environment,
            Baselines = baselines,
            ChangePolicy = changePolicy ?? new GroupChangePolicy { ChangeType = ChangeType.Normal, Risk = ChangeRisk.High, Impact = ChangeImpact.High, RequiresApproval = true },
            Location = yaml.Location,
        };
    }

    private static GroupChangePolicy? ChangePolicy(YamlObject yaml)
    {
        yaml.Only("changeType", "risk", "impact", "requiresApproval", "canaryPercent", "soak", "maxConcurrency", "maxErrors",
            "failureThreshold", "offlinePolicy", "onConflict");
        var changeType = Enum<ChangeType>(yaml, "changeType");
        var risk = Enum<ChangeRisk>(yaml, "risk");
        var impact = Enum<ChangeImpact>(yaml, "impact");
        var requiresApproval = yaml.Bool("requiresApproval");
        if (requiresApproval is null && changeType is not null)
        {
            requiresApproval = changeType != ChangeType.Standard;
        }

        if (requiresApproval == false && changeType is not null and not ChangeType.Standard)
        {
            yaml.Error("requiresApproval", $"can only be false for a standard change; a {Camel(changeType.Value.ToString())} change is always approved");
        }

        TimeSpan? soak = null;
        if (yaml.String("soak") is { } text)
        {
            try
            {
                soak = XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                yaml.Error("soak", $"'{text}' is not an ISO 8601 duration such as PT30M");
            }
        }

        var maxConcurrency = Pattern(yaml, "maxConcurrency", PolicyRules.Concurrency(), "a count from 1 or a percentage such as 10%");
        var maxErrors = Pattern(yaml, "maxErrors", PolicyRules.Threshold(), "a count or a percentage such as 0 or 10%");
        var failureThreshold = Pattern(yaml, "failureThreshold", PolicyRules.Threshold(), "a count or a percentage such as 0 or 5%");
        var offlinePolicy = yaml.String("offlinePolicy");
        if (offlinePolicy is not null and not ("exclude" or "abort"))
        {
            yaml.Error("offlinePolicy", $"'{offlinePolicy}' is not exclude or abort");
        }

        var onConflict = yaml.String("onConflict");
        if (onConflict is not null && !PolicyRules.ConflictPolicies.Contains(onConflict, StringComparer.Ordinal))
        {
            yaml.Error("onConflict", $"'{onConflict}' is not one of {string.Join(", ", PolicyRules.ConflictPolicies)}");
        }

        return changeType is null || risk is null || impact is null ? null : new GroupChangePolicy
        {
            ChangeType = changeType.Value,
            Risk = risk.Value,
            Impact = impact.Value,
            RequiresApproval = requiresApproval ?? true,
            CanaryPercent = yaml.Int("canaryPercent", 0, 100),
            Soak = soak,
            MaxConcurrency = maxConcurrency,
            MaxErrors = maxErrors,
            FailureThreshold = failureThreshold,
            OfflinePolicy = offlinePolicy,
            OnConflict = onConflict,
        };
    }

    private static string? Pattern(YamlObject yaml, string key, System.Text.RegularExpressions.Regex pattern, string expected)
    {
        var value = yaml.String(key);
        if (value is not null && !pattern.IsMatch(value))
        {
            yaml.Error(key, $"'{value}' must be {expected}");
            return null;
        }

        return value;
    }

    private static T? Enum<T>(YamlObject yaml, string key)
        where T : struct, System.Enum
    {
        var value = yaml.String(key, required: true);
        if (value is null)
        {
            return null;
        }

        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        yaml.Error(key, $"'{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>().Select(Camel))}");
        return null;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
