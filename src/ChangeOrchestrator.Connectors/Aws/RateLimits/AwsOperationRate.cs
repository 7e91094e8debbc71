namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>
/// One operation's token bucket, as AWS throttles it per account and Region: <see cref="Burst"/> tokens at most,
/// refilled at <see cref="PerSecond"/>. Configured under <c>Aws:RateLimits:&lt;Service&gt;.&lt;Operation&gt;</c>.
/// </summary>
internal sealed class AwsOperationRate
{
    /// <summary>Tokens added per second (the sustained request rate).</summary>
    public double PerSecond { get; set; }

    /// <summary>Bucket size: requests that may go out at once after a quiet spell.</summary>
    public int Burst { get; set; }
}
