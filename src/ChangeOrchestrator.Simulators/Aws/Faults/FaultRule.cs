namespace ChangeOrchestrator.Simulators.Aws.Faults;

/// <summary>A fault armed on the API: for the next <see cref="RemainingCalls"/> matching calls, or on a share of them.</summary>
internal sealed class FaultRule
{
    public required FaultKind Kind { get; init; }

    /// <summary>SSM or EC2; null matches both.</summary>
    public string? Service { get; init; }

    /// <summary>Operation or action name; null matches every operation.</summary>
    public string? Operation { get; init; }

    public int? RemainingCalls { get; set; }

    public double Rate { get; init; } = 1.0;

    public TimeSpan Latency { get; init; }

    public bool Matches(string service, string operation) =>
        (Service is null || string.Equals(Service, service, StringComparison.OrdinalIgnoreCase))
        && (Operation is null || string.Equals(Operation, operation, StringComparison.Ordinal));
}
