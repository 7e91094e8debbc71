using System.Globalization;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>How many servers of a patch run may fail before the run counts as failed: a number ("2") or a share ("10%", rounded down).</summary>
internal static partial class FailureThreshold
{
    public static int Allowed(string threshold, int targets, ActivityContext context)
    {
        var match = Pattern().Match(threshold ?? "");
        var value = match.Success ? int.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture) : -1;
        var isShare = match.Groups["share"].Success;
        if (value < 0 || (isShare && value > 100))
        {
            throw new ActivityException(
                $"{context.Node.Type} '{context.ActivityId}': failureThreshold '{threshold}' must be a number of servers (2) or a share of them up to 100% (10%).",
                isTransient: false);
        }

        return isShare ? targets * value / 100 : value;
    }

    [GeneratedRegex(@"^(?<value>[0-9]{1,6})(?<share>%)?$")]
    private static partial Regex Pattern();
}
