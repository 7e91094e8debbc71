using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace ChangeOrchestrator.Connectors.Aws;

/// <summary>
/// Retries for the calls the SDK must not retry blindly. Each attempt first looks for what an earlier attempt may
/// have created (by idempotency token or tag) and creates only when it finds nothing, so a retry after a timeout
/// whose request did reach AWS cannot create a second command or snapshot set.
/// </summary>
internal sealed class FindOrCreatePipeline
{
    private readonly ResiliencePipeline _pipeline;

    public FindOrCreatePipeline(IOptions<AwsOptions> options, TimeProvider timeProvider)
    {
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<FleetException>(error => error.IsTransient),
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(20),
            });
        }

        _pipeline = builder.Build();
    }

    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(attempt, cancellationToken);
}
