namespace ChangeOrchestrator.Engine.Execution;

/// <summary>Runtime limits of the engine (configuration section <c>Engine</c>).</summary>
public sealed class EngineOptions
{
    /// <summary>Activity executions allowed in one burst before it is stopped as a runaway loop.</summary>
    public int MaxActivitiesPerBurst { get; set; } = 10_000;

    /// <summary>How long a stimulus that matched no bookmark is kept waiting for one.</summary>
    public TimeSpan PendingStimulusTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Times a burst is re-run after losing a race with another executor of the same instance.</summary>
    public int MaxConcurrencyRetries { get; set; } = 20;

    /// <summary>Due timers claimed in one pass of the timer worker.</summary>
    public int TimerBatchSize { get; set; } = 200;
}
