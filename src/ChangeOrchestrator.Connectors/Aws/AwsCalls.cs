using ChangeOrchestrator.Connectors.Telemetry;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Connectors.Aws;

/// <summary>Runs one SDK call (its pages included) and classifies what it throws; cancellation by the caller passes through.</summary>
internal sealed class AwsCalls(ILogger<AwsCalls> logger)
{
    public Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        ConnectorMetrics.CountAsync("AWS", operation, () => RunClassifiedAsync(operation, call, cancellationToken));

    private async Task<T> RunClassifiedAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception error) when (error is not FleetException && !(error is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            var fault = AwsErrorClassifier.Classify(operation, error);
            AwsLog.CallFailed(logger, operation, fault.ErrorCode, fault.IsTransient, error);
            throw fault;
        }
    }
}
