using System.Globalization;
using System.Net.Http.Json;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using ChangeOrchestrator.Simulators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws;

/// <summary>
/// The AWS simulator on a real loopback Kestrel listener and the connector pointed at it by ServiceUrl, as a user
/// points it at a VPC endpoint. Simulated time runs 2,000 times faster than the wall clock, so a patch run of
/// several simulated minutes takes a fraction of a second.
/// </summary>
public sealed class AwsConnectorTestHost : IAsyncDisposable
{
    public const string Region = "us-east-1";

    private readonly List<IDisposable> _disposables = [];

    private AwsConnectorTestHost(SimulatorHost host)
    {
        Host = host;
        Control = new HttpClient { BaseAddress = host.Url("/sim/aws/_control/") };
    }

    public SimulatorHost Host { get; }

    public HttpClient Control { get; }

    public string ServiceUrl => Host.Url("/sim/aws").ToString().TrimEnd('/');

    public static async Task<AwsConnectorTestHost> StartAsync(int fleetSize = 60, int seed = 11, IDictionary<string, string?>? simulator = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Simulators:Clock:TimeScale"] = "2000",
            ["Simulators:Aws:FleetSize"] = fleetSize.ToString(CultureInfo.InvariantCulture),
            ["Simulators:Aws:Seed"] = seed.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in simulator ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return new AwsConnectorTestHost(await SimulatorHost.StartAsync(settings));
    }

    /// <summary>A fresh connector (its own clients and state), as a restarted server would have.</summary>
    public IServiceProvider Connect(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Aws:Region"] = Region,
            ["Aws:ServiceUrl"] = ServiceUrl,
            ["Aws:AccessKeyId"] = "test",
            ["Aws:SecretAccessKey"] = "test",
            ["Aws:MaxRetries"] = "2",
            ["Aws:RetryBaseDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var provider = Services(settings);
        _disposables.Add(provider);
        return provider;
    }

    public static ServiceProvider Services(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddAwsFleet(configuration).BuildServiceProvider(validateScopes: true);
    }

    /// <summary>A raw SDK client for arranging test data (tags, baselines) outside the code under test.</summary>
    public IAmazonSimpleSystemsManagement Ssm()
    {
        var client = new AmazonSimpleSystemsManagementClient(new BasicAWSCredentials("test", "test"),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = ServiceUrl, AuthenticationRegion = Region });
        _disposables.Add(client);
        return client;
    }

    public IAmazonEC2 Ec2()
    {
        var client = new AmazonEC2Client(new BasicAWSCredentials("test", "test"),
            new AmazonEC2Config { ServiceURL = ServiceUrl, AuthenticationRegion = Region });
        _disposables.Add(client);
        return client;
    }

    public async Task PostAsync(string path, object body)
    {
        using var response = await Control.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }

    public async Task PutAsync(string path, object body)
    {
        using var response = await Control.PutAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }

    public async Task ResetCountersAsync()
    {
        using var response = await Control.DeleteAsync("counters");
        response.EnsureSuccessStatusCode();
    }

    public async Task<List<NodeSummary>> NodesAsync(string query = "") =>
        await Control.GetFromJsonAsync<List<NodeSummary>>("fleet/nodes?limit=50000" + query) ?? [];

    /// <summary>Attempts that reached the simulator for one operation, e.g. SSM.SendCommand, retries included.</summary>
    public async Task<CounterSummary> CounterAsync(string operation)
    {
        var counters = await Control.GetFromJsonAsync<Dictionary<string, CounterSummary>>("counters") ?? [];
        return counters.GetValueOrDefault(operation) ?? new CounterSummary(0, 0, 0, 0);
    }

    /// <summary>Reads until the state is reached; a bounded number of short waits, never an assertion on time.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> reached, int maxReads = 1500)
    {
        for (var i = 0; i < maxReads; i++)
        {
            var value = await read();
            if (reached(value))
            {
                return value;
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException($"The awaited state was not reached after {maxReads} reads.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        Control.Dispose();
        await Host.DisposeAsync();
    }

    public sealed record NodeSummary(
        string InstanceId, string Name, string? PatchGroup, string Platform, string PlatformName, bool Managed, bool Hybrid,
        string PingStatus, string? Ec2State, List<string> VolumeIds);

    public sealed record CounterSummary(long Calls, long Throttled, long InjectedErrors, long Failed, long MaxConcurrent = 0);
}
