namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>An event of a Change Calendar, in force from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
internal sealed record ChangeCalendarEvent(string Summary, DateTimeOffset Start, DateTimeOffset End);
