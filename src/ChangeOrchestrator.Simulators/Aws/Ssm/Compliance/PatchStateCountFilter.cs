using System.Globalization;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

/// <summary>A DescribeInstancePatchStatesForPatchGroup filter on one count field: <c>{"Key","Values":[n],"Type"}</c>.</summary>
internal sealed record PatchStateCountFilter(string Key, string Type, int Value)
{
    private static readonly Dictionary<string, string?> Fields = new(StringComparer.Ordinal)
    {
        ["InstalledCount"] = PatchStates.Installed,
        ["InstalledOtherCount"] = PatchStates.InstalledOther,
        ["InstalledPendingRebootCount"] = PatchStates.InstalledPendingReboot,
        ["InstalledRejectedCount"] = PatchStates.InstalledRejected,
        ["MissingCount"] = PatchStates.Missing,
        ["FailedCount"] = PatchStates.Failed,
        ["NotApplicableCount"] = PatchStates.NotApplicable,
        ["UnreportedNotApplicableCount"] = null,
    };

    public static IReadOnlyList<PatchStateCountFilter> Parse(SsmInput input)
    {
        var filters = input.Objects("Filters");
        if (filters.Count > 4)
        {
            throw SsmErrors.Validation("filters", "Member must have length less than or equal to 4");
        }

        return [.. filters.Select(filter =>
        {
            var key = filter.RequiredString("Key");
            var type = filter.RequiredString("Type");
            var values = filter.Strings("Values");
            if (!Fields.ContainsKey(key))
            {
                throw new SsmServiceException("InvalidFilter", $"The filter key {key} is not valid.");
            }

            if (type is not ("Equal" or "NotEqual" or "LessThan" or "GreaterThan"))
            {
                throw new SsmServiceException("InvalidFilter", $"The filter type {type} is not valid.");
            }

            if (values.Count != 1 || !int.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                throw new SsmServiceException("InvalidFilter", $"The filter {key} needs exactly one integer value.");
            }

            return new PatchStateCountFilter(key, type, value);
        })];
    }

    public bool Matches(PatchComplianceReport report)
    {
        var count = Fields[Key] is { } state ? report.Count(state) : 0;
        return Type switch
        {
            "Equal" => count == Value,
            "NotEqual" => count != Value,
            "LessThan" => count < Value,
            _ => count > Value,
        };
    }
}
