namespace ChangeOrchestrator.Patching.Calendar;

public enum ChangeCalendarState
{
    /// <summary>Changes are allowed.</summary>
    Open,

    /// <summary>A change freeze: no new patch runs.</summary>
    Closed,
}
