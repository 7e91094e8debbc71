using ChangeOrchestrator.Connectors.Telemetry;
using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ChangeOrchestrator.Connectors.Resilience;

/// <summary>
/// The resilience of one desk, configured here only: retry of transient failures (exponential backoff with jitter,
/// or the desk's Retry-After), a circuit breaker, and a timeout per attempt. An attempt is a whole operation (e.g.
/// look up, then create), so a retry re-reads the desk instead of repeating a write that may already have landed.
/// </summary>
internal sealed class ServiceDeskPipeline
{
    private readonly string _desk;
    private readonly ServiceDeskResilienceOptions _options;
    private readonly ResiliencePipeline _pipeline;

    public ServiceDeskPipeline(string desk, ServiceDeskResilienceOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _desk = desk;
        _options = options;
        var builder = new ResiliencePipelineBuilder { Name = desk, TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ServiceDeskException { RetryAfter: { } after } ? after : (TimeSpan?)null),
                OnRetry = args =>
                {
                    ResilienceLog.Retrying(logger, desk, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                    return default;
                },
            });
        }

        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                OnOpened = args =>
                {
                    ResilienceLog.CircuitOpened(logger, desk, args.BreakDuration);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Runs <paramref name="operation"/> under the pipeline; every failure leaves as a <see cref="ServiceDeskException"/>.</summary>
    public Task<T> ExecuteAsync<T>(string description, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken) =>
        ConnectorMetrics.CountAsync(_desk, description, () => RunAsync(description, operation, cancellationToken));

    private async Task<T> RunAsync<T>(string description, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(static async (op, token) => await op(token), operation, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ServiceDeskException(_desk, $"{_desk} did not complete {description} within {_options.AttemptTimeout.TotalSeconds:0.###} s", isTransient: true, ex);
        }
        catch (BrokenCircuitException ex)
        {
            var last = ex.InnerException is null ? "" : $" (the last: {ex.InnerException.Message})";
            throw new ServiceDeskException(_desk, $"{_desk} calls are suspended after repeated failures{last}; {description} was not attempted", isTransient: true, ex)
            {
                RetryAfter = ex.RetryAfter,
            };
        }
    }

    public Task ExecuteAsync(string description, Func<CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        ExecuteAsync(description, async token =>
        {
            await operation(token);
            return true;
        }, cancellationToken);

    private bool ShouldRetry(Exception? exception) => exception switch
    {
        TimeoutRejectedException => true,
        ServiceDeskException { IsTransient: true, RetryAfter: { } after } => after <= _options.MaxRetryAfter,
        ServiceDeskException { IsTransient: true } => true,
        _ => false,
    };

    private static bool IsTransient(Exception? exception) => exception is TimeoutRejectedException or ServiceDeskException { IsTransient: true };
}
