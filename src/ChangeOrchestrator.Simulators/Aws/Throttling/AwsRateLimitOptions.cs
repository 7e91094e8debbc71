namespace ChangeOrchestrator.Simulators.Aws.Throttling;

/// <summary>
/// Configuration section <c>Simulators:Aws:RateLimits</c>: the request rates the simulated account is throttled at,
/// per access key, Region and operation, in simulated time (so a clock running N times faster allows N times the
/// requests per real second). EC2's defaults are its published buckets: Describe*/Get*/List* 100 tokens at 20/s,
/// mutating actions 200 tokens at 5/s. SSM publishes none per operation; reads get 40 at 20/s, writes 20 at 10/s.
/// </summary>
public sealed class AwsRateLimitOptions
{
    /// <summary>
    /// On, requests over the rates are throttled as AWS throttles them (the fleet benchmark turns it on). Off by
    /// default, so that tests driving a raw SDK client page after page are not throttled; then only injected faults
    /// answer ThrottlingException or RequestLimitExceeded.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Buckets by <c>SSM.&lt;Operation&gt;</c> or <c>EC2.&lt;Action&gt;</c>, in place of the defaults.</summary>
    public Dictionary<string, SimulatedOperationRate> Operations { get; set; } = new(StringComparer.Ordinal);

    public SimulatedOperationRate For(string service, string operation)
    {
        if (Operations.TryGetValue($"{service}.{operation}", out var configured))
        {
            return configured;
        }

        var read = operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("Get", StringComparison.Ordinal)
            || operation.StartsWith("List", StringComparison.Ordinal) || operation.StartsWith("Search", StringComparison.Ordinal);
        return (service, read) switch
        {
            ("EC2", true) => new SimulatedOperationRate { PerSecond = 20, Burst = 100 },
            ("EC2", false) => new SimulatedOperationRate { PerSecond = 5, Burst = 200 },
            (_, true) => new SimulatedOperationRate { PerSecond = 20, Burst = 40 },
            _ => new SimulatedOperationRate { PerSecond = 10, Burst = 20 },
        };
    }
}
