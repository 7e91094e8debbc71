using System.Net.Http.Json;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.Simulators.Tests.Aws;

/// <summary>
/// The AWS simulator on a real loopback listener with the real AWS SDK clients pointed at it. Time is a
/// FakeTimeProvider, so state progressions advance exactly when a test moves the clock.
/// </summary>
public sealed class AwsSimulatorTestHost : IAsyncDisposable
{
    private readonly List<IDisposable> _clients = [];

    private AwsSimulatorTestHost(SimulatorHost host, FakeTimeProvider time)
    {
        Host = host;
        Time = time;
        Control = new HttpClient { BaseAddress = host.Url("/sim/aws/_control/") };
    }

    public SimulatorHost Host { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Control { get; }

    public string ServiceUrl => Host.Url("/sim/aws").ToString().TrimEnd('/');

    public static async Task<AwsSimulatorTestHost> StartAsync(int fleetSize = 40, int seed = 7, IDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 10, 12, 0, 0, TimeSpan.Zero));
        var all = new Dictionary<string, string?>
        {
            ["Simulators:Clock:TimeScale"] = "1",
            ["Simulators:Aws:FleetSize"] = fleetSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulators:Aws:Seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new AwsSimulatorTestHost(await SimulatorHost.StartAsync(all, time), time);
    }

    public AmazonSimpleSystemsManagementClient Ssm(int maxErrorRetry = 2)
    {
        var client = new AmazonSimpleSystemsManagementClient(new BasicAWSCredentials("test", "test"), new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = ServiceUrl,
            AuthenticationRegion = "us-east-1",
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = maxErrorRetry,
            Timeout = TimeSpan.FromSeconds(30),
        });
        _clients.Add(client);
        return client;
    }

    public AmazonEC2Client Ec2(int maxErrorRetry = 2)
    {
        var client = new AmazonEC2Client(new BasicAWSCredentials("test", "test"), new AmazonEC2Config
        {
            ServiceURL = ServiceUrl,
            AuthenticationRegion = "us-east-1",
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = maxErrorRetry,
            Timeout = TimeSpan.FromSeconds(30),
        });
        _clients.Add(client);
        return client;
    }

    /// <summary>Moves simulated time on by a duration (TimeScale is 1 in these tests).</summary>
    public void Advance(TimeSpan duration) => Time.Advance(duration);

    /// <summary>Advances the clock a step at a time until the command is terminal; fails after <paramref name="maxSteps"/>.</summary>
    public async Task<Command> RunCommandToEndAsync(IAmazonSimpleSystemsManagement ssm, string commandId, TimeSpan step, int maxSteps = 200)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            var command = (await ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = commandId })).Commands[0];
            if (command.Status.Value is "Success" or "Failed" or "TimedOut" or "Cancelled")
            {
                return command;
            }

            Advance(step);
        }

        throw new InvalidOperationException($"Command {commandId} did not finish within {maxSteps} steps of {step}.");
    }

    public async Task<string> SendPatchAsync(IAmazonSimpleSystemsManagement ssm, string operation, IEnumerable<string> instanceIds, string reboot = "RebootIfNeeded")
    {
        var response = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunPatchBaseline",
            InstanceIds = [.. instanceIds],
            Parameters = new Dictionary<string, List<string>> { ["Operation"] = [operation], ["RebootOption"] = [reboot] },
        });
        return response.Command.CommandId;
    }

    public async Task PostAsync(string path, object body)
    {
        using var response = await Control.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }

    public async Task<List<NodeSummary>> NodesAsync(string query = "")
    {
        return await Control.GetFromJsonAsync<List<NodeSummary>>("fleet/nodes" + query) ?? [];
    }

    public async Task<CounterSummary> CounterAsync(string operation)
    {
        var counters = await Control.GetFromJsonAsync<Dictionary<string, CounterSummary>>("counters") ?? [];
        return counters.GetValueOrDefault(operation) ?? new CounterSummary(0, 0, 0, 0);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Control.Dispose();
        await Host.DisposeAsync();
    }

    public sealed record NodeSummary(
        string InstanceId, string Name, string? PatchGroup, string Platform, string PlatformName, bool Managed, bool Hybrid,
        string PingStatus, string? Ec2State, List<string> VolumeIds);

    public sealed record CounterSummary(long Calls, long Throttled, long InjectedErrors, long Failed);
}
