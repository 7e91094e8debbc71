namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>A ChangeCalendar document: DEFAULT_OPEN calendars are closed by their events, DEFAULT_CLOSED ones opened.</summary>
internal sealed class ChangeCalendar(string name, bool defaultOpen, IReadOnlyList<ChangeCalendarEvent> events)
{
    public string Name { get; } = name;

    public bool DefaultOpen { get; } = defaultOpen;

    public IReadOnlyList<ChangeCalendarEvent> Events { get; } = events;

    public bool IsOpenAt(DateTimeOffset at) => DefaultOpen != Events.Any(e => e.Start <= at && at < e.End);

    public IEnumerable<DateTimeOffset> BoundariesAfter(DateTimeOffset at) =>
        Events.SelectMany(e => new[] { e.Start, e.End }).Where(b => b > at);
}
