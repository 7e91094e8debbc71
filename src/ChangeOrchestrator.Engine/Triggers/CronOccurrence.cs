using ChangeOrchestrator.Engine.Definitions;
using Cronos;

namespace ChangeOrchestrator.Engine.Triggers;

/// <summary>
/// The occurrence of a cron trigger that should have started an instance by now. Its instance id is derived from
/// the definition and the occurrence, so every node that sees the same occurrence starts the same instance and the
/// runtime's idempotent start keeps it to one, with no record of "last fired" to lose.
/// </summary>
public sealed record CronOccurrence(string DefinitionId, int TriggerIndex, DateTimeOffset At, TriggerDefinition Trigger)
{
    public string InstanceId => $"cron-{DefinitionId}-{TriggerIndex}-{At.UtcDateTime:yyyyMMdd'T'HHmm'Z'}";

    /// <summary>
    /// The latest occurrence of the trigger in (<paramref name="now"/> - <paramref name="catchUp"/>, <paramref name="now"/>],
    /// not before <paramref name="since"/> (when the definition was published): a node that was down for a while starts
    /// the one run it missed, never a backlog of them.
    /// </summary>
    public static CronOccurrence? Latest(string definitionId, int triggerIndex, TriggerDefinition trigger, DateTimeOffset since, DateTimeOffset now, TimeSpan catchUp)
    {
        if (trigger.Type != TriggerType.Cron || string.IsNullOrWhiteSpace(trigger.Schedule))
        {
            return null;
        }

        var expression = CronExpression.Parse(trigger.Schedule);
        var zone = string.IsNullOrWhiteSpace(trigger.TimeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(trigger.TimeZone);
        var from = now - catchUp > since ? now - catchUp : since;
        DateTimeOffset? latest = null;
        foreach (var occurrence in expression.GetOccurrences(from, now, zone, fromInclusive: false, toInclusive: true))
        {
            latest = occurrence;
        }

        return latest is { } at ? new CronOccurrence(definitionId, triggerIndex, at, trigger) : null;
    }
}
