namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>How often and how patiently a transient fault of an activity is retried.</summary>
public sealed record RetryPolicy
{
    /// <summary>Total attempts including the first.</summary>
    public int Attempts { get; init; } = 3;

    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(10);

    public double Multiplier { get; init; } = 2;

    public TimeSpan? MaxBackoff { get; init; }

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var delay = Backoff * Math.Pow(Multiplier, Math.Max(0, nextAttempt - 2));
        return MaxBackoff is { } max && delay > max ? max : delay;
    }
}
