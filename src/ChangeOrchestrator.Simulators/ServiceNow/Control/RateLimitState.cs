namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>The rule's standing for one caller: its limit, what has been used, when the hourly window resets.</summary>
internal sealed record RateLimitState(bool Enabled, int RequestsPerHour, int Used, long ResetEpochSeconds, int RetryAfterSeconds, string RuleSysId)
{
    public bool Exceeded => Enabled && Used > RequestsPerHour;
}
