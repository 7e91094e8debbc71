using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChangeOrchestrator.Patching.Errors;

namespace ChangeOrchestrator.Connectors.Telemetry;

/// <summary>
/// Calls to the external systems, counted once per operation as the activity sees it (retries inside the desk's
/// pipeline or the AWS SDK included), by connector, operation and outcome: <c>success</c>, <c>transient</c> (worth
/// retrying later), <c>permanent</c> or <c>cancelled</c>.
/// </summary>
public static class ConnectorMetrics
{
    public const string Name = "ChangeOrchestrator.Connectors";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("co.connector.calls", description: "Connector calls to ServiceNow, Jira, SSM and EC2, by connector, operation and outcome.");

    /// <summary>Runs <paramref name="call"/> and counts it with its outcome.</summary>
    internal static async Task<T> CountAsync<T>(string connector, string operation, Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            Add(connector, operation, "success");
            return result;
        }
        catch (Exception ex)
        {
            Add(connector, operation, ex switch
            {
                OperationCanceledException => "cancelled",
                ConnectorException { IsTransient: true } => "transient",
                _ => "permanent",
            });
            throw;
        }
    }

    private static void Add(string connector, string operation, string outcome) =>
        Calls.Add(1, new TagList { { "connector", connector }, { "operation", operation }, { "outcome", outcome } });
}
