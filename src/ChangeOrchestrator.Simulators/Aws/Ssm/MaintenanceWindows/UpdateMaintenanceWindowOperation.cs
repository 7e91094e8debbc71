using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>
/// UpdateMaintenanceWindow: members sent replace stored ones; with Replace=true the optional members not sent are
/// cleared and the required ones (Name, Schedule, Duration, Cutoff, AllowUnassociatedTargets) must all be sent.
/// A new schedule, time zone or offset takes effect from the next start.
/// </summary>
internal sealed class UpdateMaintenanceWindowOperation : ISsmOperation
{
    public string Name => "UpdateMaintenanceWindow";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        var replace = input.Bool("Replace") ?? false;
        if (replace && new[] { "Name", "Schedule", "Duration", "Cutoff", "AllowUnassociatedTargets" }.FirstOrDefault(m => !input.Has(m)) is { } missing)
        {
            throw SsmErrors.Validation(char.ToLowerInvariant(missing[0]) + missing[1..], "Member must not be null when Replace is true");
        }

        bool Take(string member) => replace || input.Has(member);

        // Everything is validated before anything changes, so a refused update leaves the window as it was.
        var name = input.String("Name") is { } newName ? MaintenanceWindowInput.Name(newName) : window.Name;
        var duration = input.Int("Duration") ?? window.Duration;
        var cutoff = input.Int("Cutoff") ?? window.Cutoff;
        MaintenanceWindowInput.DurationAndCutoff(duration, cutoff);
        var expression = input.String("Schedule") ?? window.ScheduleExpression;
        var timeZone = Take("ScheduleTimezone") ? input.String("ScheduleTimezone") : window.ScheduleTimezone;
        var offset = Take("ScheduleOffset") ? input.Int("ScheduleOffset") : window.ScheduleOffset;
        var scheduleChanged = expression != window.ScheduleExpression || timeZone != window.ScheduleTimezone || offset != window.ScheduleOffset;
        var schedule = scheduleChanged ? WindowSchedule.Parse(expression, timeZone, offset) : window.Schedule;
        var startDate = Take("StartDate") ? MaintenanceWindowInput.Date(input, "StartDate") : window.StartDate;
        var endDate = Take("EndDate") ? MaintenanceWindowInput.Date(input, "EndDate") : window.EndDate;
        var description = Take("Description") ? MaintenanceWindowInput.Description(input) : window.Description;

        window.Name = name;
        window.Duration = duration;
        window.Cutoff = cutoff;
        window.ScheduleExpression = expression;
        window.ScheduleTimezone = timeZone;
        window.ScheduleOffset = offset;
        window.Schedule = schedule;
        window.StartDate = startDate;
        window.EndDate = endDate;
        window.Description = description;
        window.AllowUnassociatedTargets = input.Bool("AllowUnassociatedTargets") ?? window.AllowUnassociatedTargets;
        window.Enabled = input.Bool("Enabled") ?? (replace || window.Enabled);
        window.ModifiedDate = world.Now;
        if (scheduleChanged)
        {
            world.Windows.Reschedule(window);
        }

        var json = MaintenanceWindowJson.Identity(window);
        json.Remove("NextExecutionTime");
        json["AllowUnassociatedTargets"] = window.AllowUnassociatedTargets;
        return json;
    }
}
