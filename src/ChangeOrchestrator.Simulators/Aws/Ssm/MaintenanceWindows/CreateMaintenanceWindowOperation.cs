using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed partial class CreateMaintenanceWindowOperation : ISsmOperation
{
    private const int MaxWindows = 50;

    public string Name => "CreateMaintenanceWindow";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var clientToken = input.String("ClientToken");
        var fingerprint = input.RawText();
        if (clientToken is not null && world.Windows.All.FirstOrDefault(w => w.ClientToken == clientToken) is { } earlier)
        {
            return earlier.CreateFingerprint == fingerprint
                ? new JsonObject { ["WindowId"] = earlier.WindowId }
                : throw new SsmServiceException("IdempotentParameterMismatch", "Error: Idempotent parameter mismatch.");
        }

        var name = input.RequiredString("Name");
        if (!NamePattern().IsMatch(name))
        {
            throw SsmErrors.Validation("name", "Member must satisfy regular expression pattern: ^[a-zA-Z0-9_\\-.]{3,128}$", name);
        }

        var expression = input.RequiredString("Schedule");
        var duration = input.Int("Duration") ?? throw SsmErrors.Required("Duration");
        var cutoff = input.Int("Cutoff") ?? throw SsmErrors.Required("Cutoff");
        var allowUnassociated = input.Bool("AllowUnassociatedTargets") ?? throw SsmErrors.Required("AllowUnassociatedTargets");
        if (duration is < 1 or > 24)
        {
            throw SsmErrors.Validation("duration", "Member must have value between 1 and 24", duration);
        }

        if (cutoff < 0 || cutoff >= duration)
        {
            throw SsmErrors.Validation("cutoff", "Member must be between 0 and 23 and less than Duration", cutoff);
        }

        foreach (var member in new[] { "StartDate", "EndDate" })
        {
            if (input.String(member) is { } date && !SsmJson.TryParseIso(date, out _))
            {
                throw SsmErrors.Validation(char.ToLowerInvariant(member[0]) + member[1..], "Member must be an ISO 8601 date", date);
            }
        }

        var timeZone = input.String("ScheduleTimezone");
        var offset = input.Int("ScheduleOffset");
        var schedule = WindowSchedule.Parse(expression, timeZone, offset);
        if (world.Windows.All.Count() >= MaxWindows)
        {
            throw new SsmServiceException("ResourceLimitExceededException", $"You have reached the maximum of {MaxWindows} maintenance windows.");
        }

        var window = new MaintenanceWindow
        {
            WindowId = world.Ids.Hex17("mw-"),
            Name = name,
            ScheduleExpression = expression,
            Schedule = schedule,
            Duration = duration,
            Cutoff = cutoff,
            AllowUnassociatedTargets = allowUnassociated,
            CreatedDate = world.Now,
            Description = input.String("Description"),
            ScheduleTimezone = timeZone,
            ScheduleOffset = offset,
            StartDate = input.String("StartDate"),
            EndDate = input.String("EndDate"),
            ClientToken = clientToken,
            CreateFingerprint = fingerprint,
        };
        world.Windows.Add(window);
        var tags = world.ResourceTags.For("MaintenanceWindow", window.WindowId);
        foreach (var tag in input.Objects("Tags"))
        {
            tags[tag.RequiredString("Key")] = tag.String("Value") ?? "";
        }

        return new JsonObject { ["WindowId"] = window.WindowId };
    }

    [GeneratedRegex("^[a-zA-Z0-9_\\-.]{3,128}$")]
    private static partial Regex NamePattern();
}
