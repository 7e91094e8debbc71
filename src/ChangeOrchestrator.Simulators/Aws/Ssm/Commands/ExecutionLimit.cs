using System.Globalization;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

/// <summary>MaxConcurrency and MaxErrors: an absolute count or a percentage of the resolved targets.</summary>
internal static partial class ExecutionLimit
{
    public static bool IsValidConcurrency(string value) => ConcurrencyPattern().IsMatch(value);

    public static bool IsValidErrors(string value) => ErrorsPattern().IsMatch(value);

    /// <summary>Percentages round down; concurrency never drops below one node at a time.</summary>
    public static int Resolve(string value, int targetCount, int minimum)
    {
        var resolved = value.EndsWith('%')
            ? (int)Math.Floor(targetCount * int.Parse(value[..^1], CultureInfo.InvariantCulture) / 100.0)
            : int.Parse(value, CultureInfo.InvariantCulture);
        return Math.Max(minimum, resolved);
    }

    [GeneratedRegex("^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$")]
    private static partial Regex ConcurrencyPattern();

    [GeneratedRegex("^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$")]
    private static partial Regex ErrorsPattern();
}
