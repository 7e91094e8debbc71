using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class CreateMaintenanceWindowOperation : ISsmOperation
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

        var name = MaintenanceWindowInput.Name(input.RequiredString("Name"));

        var expression = input.RequiredString("Schedule");
        var duration = input.Int("Duration") ?? throw SsmErrors.Required("Duration");
        var cutoff = input.Int("Cutoff") ?? throw SsmErrors.Required("Cutoff");
        var allowUnassociated = input.Bool("AllowUnassociatedTargets") ?? throw SsmErrors.Required("AllowUnassociatedTargets");
        MaintenanceWindowInput.DurationAndCutoff(duration, cutoff);
        var startDate = MaintenanceWindowInput.Date(input, "StartDate");
        var endDate = MaintenanceWindowInput.Date(input, "EndDate");
        var description = MaintenanceWindowInput.Description(input);

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
            ModifiedDate = world.Now,
            Description = description,
            ScheduleTimezone = timeZone,
            ScheduleOffset = offset,
            StartDate = startDate,
            EndDate = endDate,
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
}
