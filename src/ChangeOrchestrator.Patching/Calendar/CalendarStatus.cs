namespace ChangeOrchestrator.Patching.Calendar;

public sealed record CalendarStatus
{
    /// <summary>Open only when every calendar asked about is open.</summary>
    public required ChangeCalendarState State { get; init; }

    public required DateTimeOffset AtTime { get; init; }

    /// <summary>When the state next flips; null when nothing is scheduled.</summary>
    public DateTimeOffset? NextTransitionAt { get; init; }
}
