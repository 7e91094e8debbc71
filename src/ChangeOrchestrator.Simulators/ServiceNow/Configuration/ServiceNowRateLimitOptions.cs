namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

/// <summary>One sys_rate_limit_rules entry applying to every user; off by default, as on an instance without rules.</summary>
internal sealed class ServiceNowRateLimitOptions
{
    public bool Enabled { get; set; }

    public int RequestsPerHour { get; set; } = 1000;

    public string RuleSysId { get; set; } = "5c2a7f4e0b6a4e1d9f3c8b7a6d5e4f30";
}
