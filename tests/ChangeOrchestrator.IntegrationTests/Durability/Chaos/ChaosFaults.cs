using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.Simulators;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// The faults the external systems inject during a chaos run: standing latency on ServiceNow, Jira and AWS, a share
/// of AWS calls throttled or failed with a 5xx, and every few seconds one ServiceNow or Jira request answered 503,
/// or 429 with Retry-After. Each is a fault the connectors' retry policies cover, so none may fault a change.
/// </summary>
internal sealed class ChaosFaults(SimulatorHost simulators, AwsSimulator aws) : IDisposable
{
    private readonly HttpClient _serviceNow = new() { BaseAddress = simulators.Url("sim/servicenow/_control/") };
    private readonly HttpClient _jira = new() { BaseAddress = simulators.Url("sim/jira/_control/") };
    private readonly HttpClient _aws = new() { BaseAddress = simulators.Url("sim/aws/_control/") };
    private int _deskArmed;

    public async Task StartStandingAsync()
    {
        await PutAsync(_serviceNow, "faults", new { latencyMilliseconds = 15 });
        await PutAsync(_jira, "faults", new { latencyMs = 15 });
        await aws.PostAsync("faults/latency", new { milliseconds = 40, rate = 0.3 });
        await aws.PostAsync("faults/throttle", new { rate = 0.04 });
        await aws.PostAsync("faults/errors", new { rate = 0.02 });
    }

    /// <summary>Arms one desk failure every 3-6 s until <paramref name="stop"/> (denser failures open the desks' circuit breakers, by design).</summary>
    public async Task ArmDeskFailuresAsync(int seed, CancellationToken stop)
    {
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(3000 + random.Next(3000)), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // One armed failure at a time per desk: failures piling up while a desk sees no traffic would all hit the
            // next operation in a row, beyond any retry policy, which is not the fault this run is about.
            var throttle = random.Next(3) == 0;
            var fault = throttle ? new { count = 1, status = 429, retryAfterSeconds = (int?)1 } : new { count = 1, status = 503, retryAfterSeconds = (int?)null };
            if (random.Next(2) == 0)
            {
                if (await ServiceNowPendingAsync() == 0)
                {
                    await PostAsync(_serviceNow, "faults/fail-next", fault);
                    Interlocked.Increment(ref _deskArmed);
                }
            }
            else if (await JiraPendingAsync() == 0)
            {
                await PostAsync(_jira, "faults/rules", fault);
                Interlocked.Increment(ref _deskArmed);
            }
        }
    }

    /// <summary>Stops every fault and returns how many were injected: desk failures that fired, and AWS throttles and 5xx.</summary>
    public async Task<(long Desk, long AwsThrottled, long AwsErrors)> StopAsync()
    {
        var serviceNowPending = await ServiceNowPendingAsync();
        var jiraPending = await JiraPendingAsync();
        using (await _serviceNow.DeleteAsync("faults"))
        using (await _jira.DeleteAsync("faults"))
        using (await _aws.DeleteAsync("faults"))
        {
        }

        var counters = await aws.CountersAsync();
        return (Volatile.Read(ref _deskArmed) - serviceNowPending - jiraPending, counters.Values.Sum(c => c.Throttled), counters.Values.Sum(c => c.InjectedErrors));
    }

    public void Dispose()
    {
        _serviceNow.Dispose();
        _jira.Dispose();
        _aws.Dispose();
    }

    private async Task<int> ServiceNowPendingAsync() => JsonNode.Parse(await _serviceNow.GetStringAsync("faults"))!["pendingFailures"]!.GetValue<int>();

    private async Task<int> JiraPendingAsync() => JsonNode.Parse(await _jira.GetStringAsync("faults"))!["rules"]!.AsArray().Sum(r => r!["count"]!.GetValue<int>());

    private static async Task PutAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
