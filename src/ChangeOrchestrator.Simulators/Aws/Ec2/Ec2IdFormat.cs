using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Simulators.Aws.Ec2;

/// <summary>EC2 resource ids: a prefix and 8 or 17 lower-case hex digits.</summary>
internal static partial class Ec2IdFormat
{
    public static bool IsValid(string id, string prefix) =>
        id.StartsWith(prefix + "-", StringComparison.Ordinal) && HexPart().IsMatch(id[(prefix.Length + 1)..]);

    [GeneratedRegex("^([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex HexPart();
}
