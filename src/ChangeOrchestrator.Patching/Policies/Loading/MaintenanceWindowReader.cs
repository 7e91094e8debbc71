using System.Globalization;

namespace ChangeOrchestrator.Patching.Policies.Loading;

/// <summary>Reads a maintenance window: a cron or rate schedule in a time zone, duration and cutoff in hours, freezes.</summary>
internal static class MaintenanceWindowReader
{
    public static MaintenanceWindowPolicy? Read(YamlObject yaml)
    {
        yaml.Only("name", "schedule", "timeZone", "duration", "cutoff", "description", "patchGroups", "freezes");
        var name = yaml.String("name", required: true);
        if (name is not null && !PolicyRules.ResourceName().IsMatch(name))
        {
            yaml.Error("name", $"'{name}' must be 3 to 128 letters, digits, '_', '-' or '.'");
        }

        var schedule = yaml.String("schedule", required: true);
        if (schedule is not null && !PolicyRules.Cron().IsMatch(schedule) && !PolicyRules.Rate().IsMatch(schedule))
        {
            yaml.Error("schedule", $"'{schedule}' must be cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 2 ? * SUN *), or rate(7 days)");
        }

        var timeZone = yaml.String("timeZone");
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            yaml.Error("timeZone", $"'{timeZone}' is not an IANA time zone such as Europe/London");
        }

        var duration = yaml.Int("duration", 1, 24, required: true);
        var cutoff = yaml.Int("cutoff", 0, 23, required: true);
        if (duration is not null && cutoff is not null && cutoff >= duration)
        {
            yaml.Error("cutoff", $"is {cutoff} hours; it must be less than the duration ({duration} hours) so that tasks can start");
        }

        var description = yaml.String("description");
        if (description is { Length: > 128 })
        {
            yaml.Error("description", "must be at most 128 characters");
        }

        var freezes = yaml.Objects("freezes").Select(Freeze).OfType<ChangeFreezePolicy>().ToList();
        return name is null || schedule is null || duration is null || cutoff is null ? null : new MaintenanceWindowPolicy
        {
            Name = name,
            Schedule = schedule,
            TimeZone = timeZone,
            Duration = duration.Value,
            Cutoff = cutoff.Value,
            Description = description,
            PatchGroups = yaml.Strings("patchGroups"),
            Freezes = freezes,
            Location = yaml.Location,
        };
    }

    private static ChangeFreezePolicy? Freeze(YamlObject yaml)
    {
        yaml.Only("start", "end", "reason");
        var start = Instant(yaml, "start");
        var end = Instant(yaml, "end");
        if (start is not null && end is not null && end <= start)
        {
            yaml.Error("end", "must be after start");
            return null;
        }

        return start is null || end is null ? null : new ChangeFreezePolicy(start.Value, end.Value, yaml.String("reason"));
    }

    private static DateTimeOffset? Instant(YamlObject yaml, string key)
    {
        var text = yaml.String(key, required: true);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        yaml.Error(key, $"'{text}' is not an ISO 8601 instant such as 2026-12-20T00:00:00Z");
        return null;
    }
}
