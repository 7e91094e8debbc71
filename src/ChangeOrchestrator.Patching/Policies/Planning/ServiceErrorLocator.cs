using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// Points an error SSM returned for a write at the policy field that caused it. SSM names the member at fault with
/// list items by 1-based position (<c>approvalRules.patchRules.2.member.patchFilterGroup.patchFilters.1.member.values</c>);
/// policy fields carry the same names in camelCase with each list item labelled, so the member is matched against
/// the fields the loader recorded and each position picks the item written at that place.
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
            // A task's concurrency and error limits come from the patch group's change policy.
            PolicyResourceKind.WindowTask when change.Task is { } task => ($"patchGroups[{task.PatchGroup}].changePolicy", policy.Group(task.PatchGroup)?.Location),
            PolicyResourceKind.WindowTarget or PolicyResourceKind.WindowTask or PolicyResourceKind.ChangeCalendar =>
                ($"maintenanceWindows[{change.WindowName ?? change.Calendar?.WindowName}]", policy.MaintenanceWindows.FirstOrDefault(w => w.Name == (change.WindowName ?? change.Calendar?.WindowName))?.Location),
            _ => ($"patchGroups[{change.Name}]", policy.Group(change.Name)?.Location),
        };
        var text = $"SSM refused to {change.Summary}: {message}";
        if (MemberPattern().Match(message) is { Success: true } member && Find(policy, change, prefix, member.Groups[1].Value) is { } found)
        {
            return PolicyError.At(found.Value, found.Key, text);
        }

        return fallback is null ? new PolicyError("", 0, prefix, text) : PolicyError.At(fallback, prefix, text);
    }

    private static KeyValuePair<string, SourceLocation>? Find(PatchPolicy policy, PlannedChange change, string prefix, string member)
    {
        var pattern = new StringBuilder("^").Append(Regex.Escape(prefix));
        var positions = new List<int?>();
        var parts = member.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == "member")
            {
                continue;
            }

            if (int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var position) && i + 1 < parts.Length && parts[i + 1] == "member")
            {
                pattern.Append(@"\[([^\]]+)\]");
                positions.Add(position);
                continue;
            }

            if (i + 1 < parts.Length && parts[i + 1] == "member")
            {
                pattern.Append("\\.").Append(Regex.Escape(parts[i])).Append(@"\[([^\]]+)\]");
                positions.Add(null);
                i++;
                continue;
            }

            var name = change.Kind == PolicyResourceKind.MaintenanceWindow ? WindowMembers.GetValueOrDefault(parts[i], parts[i]) : parts[i];
            pattern.Append("\\.").Append(Regex.Escape(name));
        }

        var regex = new Regex(pattern.Append('$').ToString(), RegexOptions.None, TimeSpan.FromSeconds(1));
        var candidates = policy.Fields
            .Select(f => (Field: f, Match: regex.Match(f.Key)))
            .Where(c => c.Match.Success)
            .OrderBy(c => c.Field.Value.Line)
            .ToList();

        // Each position picks, among the items left, the one whose label came at that place in the file.
        for (var level = 0; level < positions.Count && candidates.Count > 0; level++)
        {
            if (positions[level] is not { } wanted)
            {
                continue;
            }

            var labels = candidates.Select(c => c.Match.Groups[level + 1].Value).Distinct(StringComparer.Ordinal).ToList();
            if (wanted < 1 || wanted > labels.Count)
            {
                break;
            }

            candidates = [.. candidates.Where(c => c.Match.Groups[level + 1].Value == labels[wanted - 1])];
        }

        return candidates.Count > 0 ? candidates[0].Field : null;
    }

    [GeneratedRegex("at '([A-Za-z0-9.]+)' failed to satisfy constraint")]
    private static partial Regex MemberPattern();
}
