using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Simulators.Aws.Ssm;

/// <summary>Managed node ids: <c>i-</c> with 8 or 17 hex digits, or <c>mi-</c> with 17.</summary>
internal static partial class InstanceIdFormat
{
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    [GeneratedRegex("^(i-([0-9a-f]{8}|[0-9a-f]{17})|mi-[0-9a-f]{17})$")]
    private static partial Regex Pattern();
}
