namespace ChangeOrchestrator.Connectors.Aws;

/// <summary>The AWS SDK's retry modes worth choosing; both back off on throttling with jitter.</summary>
internal enum AwsRetryMode
{
    Standard,

    /// <summary>Standard plus a client-side rate limiter that slows down while the service throttles.</summary>
    Adaptive,
}
