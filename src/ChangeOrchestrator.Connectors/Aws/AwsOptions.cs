using System.ComponentModel.DataAnnotations;
using ChangeOrchestrator.Connectors.Aws.RateLimits;

namespace ChangeOrchestrator.Connectors.Aws;

/// <summary>
/// Configuration section <c>Aws</c>. Credentials come from the standard AWS chain (environment, shared profile,
/// container or instance role); <see cref="RoleArn"/> assumes a role on top of them.
/// </summary>
internal sealed class AwsOptions
{
    public const string Section = "Aws";

    /// <summary>Region of the SSM and EC2 endpoints, e.g. eu-west-1; also the signing region when <see cref="ServiceUrl"/> is set.</summary>
    [Required(ErrorMessage = "Aws:Region is required, e.g. eu-west-1.")]
    public string Region { get; set; } = "";

    /// <summary>One endpoint for both SSM and EC2 in place of the regional ones: an interface VPC endpoint or the simulator.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Role assumed with the chain's credentials, e.g. a patching role in another account.</summary>
    public string? RoleArn { get; set; }

    public string RoleSessionName { get; set; } = "change-orchestrator";

    /// <summary>Static credentials, for tests and sandboxes only; production uses the credential chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>Goes with <see cref="AccessKeyId"/>; never logged.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>Retries after the first attempt of a throttled or failed call.</summary>
    [Range(0, 10, ErrorMessage = "Aws:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;

    public AwsRetryMode RetryMode { get; set; } = AwsRetryMode.Standard;

    /// <summary>First backoff of the retries this connector does itself (calls that must look before they create again).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time allowed for one HTTP attempt, from when it leaves: the wait for the operation's rate is not counted.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back a repeated patch request looks for the commands it sent before.</summary>
    public TimeSpan CommandLookback { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a command waits for an unreachable server before it times out there (30 s to 30 days).</summary>
    public TimeSpan CommandDeliveryTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Read every tag of the hybrid nodes a tag selection finds, at one ListTagsForResource call per node (SSM has no
    /// call that returns several nodes' tags). Off, a hybrid node carries the tags its selection proved (patch group,
    /// environment, single-valued tag filters) and exclusions are asked of SSM by tag, which keeps resolution to a
    /// call per page.
    /// </summary>
    public bool ReadAllHybridNodeTags { get; set; }

    /// <summary>Parallel tag reads for hybrid nodes, whose tags SSM only returns one node per call.</summary>
    [Range(1, 64, ErrorMessage = "Aws:TagReadConcurrency must be between 1 and 64.")]
    public int TagReadConcurrency { get; set; } = 8;

    /// <summary>
    /// Calls one loop over many servers keeps in flight at once (snapshots, sends, lookups, status reads); the
    /// operation's token bucket decides how fast they go out.
    /// </summary>
    [Range(1, 256, ErrorMessage = "Aws:MaxConcurrentCalls must be between 1 and 256.")]
    public int MaxConcurrentCalls { get; set; } = 16;

    /// <summary>
    /// Token buckets by operation, e.g. <c>Aws:RateLimits:EC2.CreateSnapshots</c> = <c>{ "PerSecond": 5, "Burst": 200 }</c>,
    /// for the rates this account has (Service Quotas); an operation not named gets <see cref="AwsRateDefaults"/>.
    /// </summary>
    public Dictionary<string, AwsOperationRate> RateLimits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Multiplies every rate: 1 against AWS; against a simulator whose clock runs N times faster, N, so the
    /// buckets keep the same pace in its time.
    /// </summary>
    public double RateLimitScale { get; set; } = 1;
}
