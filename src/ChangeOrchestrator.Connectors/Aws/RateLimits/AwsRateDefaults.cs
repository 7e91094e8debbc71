namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>
/// The request rates an operation gets when <c>Aws:RateLimits</c> does not name it. EC2 publishes its buckets per
/// account and Region: non-mutating actions (Describe*, Get*, List*) 100 tokens refilled at 20/s, mutating actions
/// (CreateSnapshots, CreateTags, ...) 200 tokens refilled at 5/s. SSM publishes no per-operation figures (its
/// limits are account quotas raised on request), so its defaults are conservative: 20/s with a burst of 40 for
/// reads, 10/s with a burst of 20 for SendCommand and other writes; an account with higher quotas says so in
/// configuration.
/// </summary>
internal static class AwsRateDefaults
{
    private static readonly string[] ReadPrefixes = ["Describe", "Get", "List", "Search"];

    public static AwsOperationRate For(string service, string operation)
    {
        var read = Array.Exists(ReadPrefixes, p => operation.StartsWith(p, StringComparison.Ordinal));
        return (service, read) switch
        {
            ("EC2", true) => new AwsOperationRate { PerSecond = 20, Burst = 100 },
            ("EC2", false) => new AwsOperationRate { PerSecond = 5, Burst = 200 },
            (_, true) => new AwsOperationRate { PerSecond = 20, Burst = 40 },
            _ => new AwsOperationRate { PerSecond = 10, Burst = 20 },
        };
    }
}
