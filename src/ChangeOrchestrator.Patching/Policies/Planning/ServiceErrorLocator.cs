using System.Text;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// Points an error SSM returned for a write at the policy field that caused it. SSM names the member at fault
/// (<c>approvalRules.patchRules.member.patchFilterGroup.patchFilters.member.values</c>); policy fields carry the
/// same names in camelCase, with each list's items labelled, so the member matches the policy's recorded fields.
/// </summary>
internal static partial class ServiceErrorLocator
{
    private static readonly Dictionary<string, string> WindowMembers = new(StringComparer.Ordinal) { ["scheduleTimezone"] = "timeZone" };

    public static PolicyError Locate(PatchPolicy policy, PlannedChange change, string message)
    {
        var (prefix, fallback) = change.Kind switch
        {
            PolicyResourceKind.Baseline => ($"baselines[{change.Name}]", change.Baseline?.Location),
            PolicyResourceKind.MaintenanceWindow => ($"maintenanceWindows[{change.Name}]", change.Window?.Location),
            _ => ($"patchGroups[{change.Name}]", policy.Group(change.Name)?.Location),
        };
        var text = $"SSM refused to {change.Summary}: {message}";
        if (MemberPattern().Match(message) is { Success: true } member)
        {
            var pattern = new StringBuilder("^").Append(Regex.Escape(prefix));
            foreach (var part in member.Groups[1].Value.Split('.'))
            {
                pattern.Append(part == "member" ? @"\[[^\]]+\]" : "\\." + Regex.Escape(change.Kind == PolicyResourceKind.MaintenanceWindow ? WindowMembers.GetValueOrDefault(part, part) : part));
            }

            var field = new Regex(pattern.Append('$').ToString(), RegexOptions.None, TimeSpan.FromSeconds(1));
            if (policy.Fields.Where(f => field.IsMatch(f.Key)).OrderBy(f => f.Value.Line).FirstOrDefault() is { Key: not null } found)
            {
                return PolicyError.At(found.Value, found.Key, text);
            }
        }

        return fallback is null ? new PolicyError("", 0, prefix, text) : PolicyError.At(fallback, prefix, text);
    }

    [GeneratedRegex("at '([A-Za-z.]+)' failed to satisfy constraint")]
    private static partial Regex MemberPattern();
}
