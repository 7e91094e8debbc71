using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>The window members CreateMaintenanceWindow and UpdateMaintenanceWindow validate alike.</summary>
internal static partial class MaintenanceWindowInput
{
    public static string Name(string name) =>
        NamePattern().IsMatch(name) ? name : throw SsmErrors.Validation("name", "Member must satisfy regular expression pattern: ^[a-zA-Z0-9_\\-.]{3,128}$", name);

    /// <summary>Duration 1-24 hours; the cutoff at least 0 and below the duration, so that some time can start tasks.</summary>
    public static void DurationAndCutoff(int duration, int cutoff)
    {
        if (duration is < 1 or > 24)
        {
            throw SsmErrors.Validation("duration", "Member must have value between 1 and 24", duration);
        }

        if (cutoff < 0 || cutoff >= duration)
        {
            throw SsmErrors.Validation("cutoff", "Member must be between 0 and 23 and less than Duration", cutoff);
        }
    }

    public static string? Date(SsmInput input, string member) =>
        input.String(member) is { } date && !SsmJson.TryParseIso(date, out _)
            ? throw SsmErrors.Validation(char.ToLowerInvariant(member[0]) + member[1..], "Member must be an ISO 8601 date", date)
            : input.String(member);

    public static string? Description(SsmInput input) =>
        input.String("Description") is { Length: > 128 } description
            ? throw SsmErrors.Validation("description", "Member must have length less than or equal to 128", description)
            : input.String("Description");

    [GeneratedRegex("^[a-zA-Z0-9_\\-.]{3,128}$")]
    private static partial Regex NamePattern();
}
