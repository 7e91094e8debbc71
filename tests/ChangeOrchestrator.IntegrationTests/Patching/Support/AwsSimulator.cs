using System.Net.Http.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Filter = Amazon.EC2.Model.Filter;
using Tag = Amazon.EC2.Model.Tag;
using ChangeOrchestrator.Simulators;

namespace ChangeOrchestrator.IntegrationTests.Patching.Support;

/// <summary>The simulated AWS account: its control API (fleet, faults, call counters) and an SDK client for arranging data.</summary>
public sealed class AwsSimulator : IDisposable
{
    public const string Region = "us-east-1";

    /// <summary>The tag the snapshot connector writes the change number under.</summary>
    public const string ChangeNumberTag = "change-orchestrator:change-number";

    private readonly HttpClient _control;
    private readonly AmazonEC2Client _ec2;
    private readonly AmazonSimpleSystemsManagementClient _ssm;

    public AwsSimulator(SimulatorHost simulators)
    {
        ServiceUrl = simulators.Url("/sim/aws").ToString().TrimEnd('/');
        _control = new HttpClient { BaseAddress = simulators.Url("/sim/aws/_control/") };
        _ec2 = new AmazonEC2Client(new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = ServiceUrl, AuthenticationRegion = Region });
        _ssm = new AmazonSimpleSystemsManagementClient(
            new BasicAWSCredentials("test", "test"), new AmazonSimpleSystemsManagementConfig { ServiceURL = ServiceUrl, AuthenticationRegion = Region });
    }

    public string ServiceUrl { get; }

    public async Task<List<NodeSummary>> NodesAsync(string query = "") =>
        await _control.GetFromJsonAsync<List<NodeSummary>>("fleet/nodes?limit=50000" + query) ?? [];

    /// <summary>Managed servers whose agent is online and, for EC2, that are running: the ones a patch run reaches.</summary>
    public async Task<List<NodeSummary>> OnlineNodesAsync(string query = "") =>
        [.. (await NodesAsync("&managed=true" + query)).Where(n => n.PingStatus == "Online" && n.Ec2State is null or "running")];

    /// <summary>Calls that reached the simulator for one operation, e.g. SSM.SendCommand, retries included.</summary>
    public async Task<long> CallsAsync(string operation)
    {
        var counters = await _control.GetFromJsonAsync<Dictionary<string, CounterSummary>>("counters") ?? [];
        return counters.GetValueOrDefault(operation)?.Calls ?? 0;
    }

    /// <summary>Every operation's counters, keyed like <c>SSM.SendCommand</c>.</summary>
    public async Task<Dictionary<string, CounterSummary>> CountersAsync() =>
        await _control.GetFromJsonAsync<Dictionary<string, CounterSummary>>("counters") ?? [];

    /// <summary>Every call that reached the simulated SSM and EC2, retries included.</summary>
    public async Task<long> TotalCallsAsync() => (await CountersAsync()).Values.Sum(c => c.Calls);

    /// <summary>Declares a patch group by registering a baseline of its own to it, as a patch policy would, without tagging any server.</summary>
    public async Task DeclarePatchGroupAsync(string patchGroup)
    {
        var baseline = await _ssm.CreatePatchBaselineAsync(new CreatePatchBaselineRequest
        {
            Name = "baseline-" + patchGroup,
            OperatingSystem = Amazon.SimpleSystemsManagement.OperatingSystem.WINDOWS,
            ClientToken = Guid.NewGuid().ToString(),
        });
        await _ssm.RegisterPatchBaselineForPatchGroupAsync(new RegisterPatchBaselineForPatchGroupRequest { BaselineId = baseline.BaselineId, PatchGroup = patchGroup });
    }

    public async Task PostAsync(string path, object body)
    {
        using var response = await _control.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Sends AWS-RunPatchBaseline Install (RebootIfNeeded) straight to SSM, outside any change; returns the command id.</summary>
    public async Task<string> InstallOutsideAChangeAsync(IEnumerable<string> instanceIds)
    {
        var response = await _ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunPatchBaseline",
            InstanceIds = [.. instanceIds],
            Parameters = new Dictionary<string, List<string>> { ["Operation"] = ["Install"], ["RebootOption"] = ["RebootIfNeeded"] },
        });
        return response.Command.CommandId;
    }

    /// <summary>The command's overall status (Pending, InProgress, Success, Failed, ...).</summary>
    public async Task<string> CommandStatusAsync(string commandId) =>
        (await _ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = commandId })).Commands[0].Status.Value;

    public Task TagAsync(string instanceId, string key, string value) =>
        _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [instanceId], Tags = [new Tag(key, value)] });

    /// <summary>Every snapshot of the account tagged with the change number.</summary>
    public async Task<List<Snapshot>> SnapshotsOfChangeAsync(string changeNumber)
    {
        var response = await _ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest
        {
            OwnerIds = ["self"],
            Filters = [new Filter("tag:" + ChangeNumberTag, [changeNumber])],
        });
        return response.Snapshots ?? [];
    }

    /// <summary>The Run Command commands sent to the account, newest first.</summary>
    public async Task<List<Command>> CommandsAsync() => (await _ssm.ListCommandsAsync(new ListCommandsRequest())).Commands ?? [];

    /// <summary>The AWS-RunPatchBaseline commands that install (not scan), newest first.</summary>
    public async Task<List<Command>> InstallCommandsAsync() =>
        [.. (await CommandsAsync()).Where(c =>
            c.DocumentName == "AWS-RunPatchBaseline" && c.Parameters.TryGetValue("Operation", out var operation) && operation.Contains("Install"))];

    /// <summary>Every AWS-RunPatchBaseline command that installs, read page by page (a busy account has more than one page).</summary>
    public async Task<List<Command>> AllInstallCommandsAsync()
    {
        var commands = new List<Command>();
        await foreach (var command in _ssm.Paginators.ListCommands(new ListCommandsRequest()).Commands)
        {
            if (command.DocumentName == "AWS-RunPatchBaseline" && command.Parameters.TryGetValue("Operation", out var operation) && operation.Contains("Install"))
            {
                commands.Add(command);
            }
        }

        return commands;
    }

    /// <summary>The patches the server's last report lists in these states (missing or failed by default), by id, with their CVE ids.</summary>
    public async Task<Dictionary<string, string>> MissingPatchesAsync(string instanceId, params string[] states)
    {
        var patches = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new DescribeInstancePatchesRequest
        {
            InstanceId = instanceId,
            Filters = [new PatchOrchestratorFilter { Key = "State", Values = states.Length > 0 ? [.. states] : ["Missing", "Failed"] }],
        };
        await foreach (var patch in _ssm.Paginators.DescribeInstancePatches(request).Patches)
        {
            patches[patch.KBId] = patch.CVEIds ?? "";
        }

        return patches;
    }

    public void Dispose()
    {
        _control.Dispose();
        _ec2.Dispose();
        _ssm.Dispose();
    }

    public sealed record NodeSummary(
        string InstanceId, string Name, string? PatchGroup, string Platform, string PlatformName, bool Managed, bool Hybrid,
        string PingStatus, string? Ec2State, List<string> VolumeIds);

    public sealed record CounterSummary(long Calls, long Throttled, long InjectedErrors, long Failed);
}
