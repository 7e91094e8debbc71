using System.Globalization;
using System.Text.RegularExpressions;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.Server.Cli;
using ChangeOrchestrator.Simulators;
using Microsoft.Extensions.Configuration;

namespace ChangeOrchestrator.IntegrationTests.Policies;

public sealed partial class PolicyCommandTests
{
    [Fact]
    public async Task PolicyCommand_ValidateInvalidFolder_PrintsEachErrorWithFileAndLineAndExits1()
    {
        var folder = Directory.CreateTempSubdirectory("policy-cli-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "windows.yaml"), "maintenanceWindows:\n  - name: w1\n    schedule: cron(0 2 ? * SUN *)\n    duration: 3\n    cutoff: 5\n");
            using var output = new StringWriter();

            var exit = await PolicyCommand.RunAsync(["validate", folder], new ConfigurationBuilder().Build(), output, CancellationToken.None);

            Assert.Equal(1, exit);
            Assert.Contains($"{Path.Combine(folder, "windows.yaml")}:5: maintenanceWindows[w1].cutoff: is 5 hours; it must be less than the duration (3 hours)", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task PolicyCommand_PlanApplyAndApplyAgain_TheSecondApplyWritesNothing()
    {
        await using var simulators = await StartSimulatorsAsync();
        using var aws = new AwsSimulator(simulators);
        var configuration = Configuration(simulators, aws);
        var folder = PatchChangeServer.RepositoryFile("policies");
        using var plan = new StringWriter();
        using var apply = new StringWriter();
        using var again = new StringWriter();

        Assert.Equal(0, await PolicyCommand.RunAsync(["plan", folder], configuration, plan, CancellationToken.None));
        Assert.Equal(0, await PolicyCommand.RunAsync(["apply", folder], configuration, apply, CancellationToken.None));
        var writes = await aws.CallsAsync("SSM.CreatePatchBaseline") + await aws.CallsAsync("SSM.RegisterPatchBaselineForPatchGroup");
        Assert.Equal(0, await PolicyCommand.RunAsync(["apply", folder], configuration, again, CancellationToken.None));

        Assert.Contains("+ create baseline windows2022-prod", plan.ToString(), StringComparison.Ordinal);
        Assert.Contains("+ register patch group Prod for WINDOWS with baseline windows2022-prod", plan.ToString(), StringComparison.Ordinal);
        Assert.Contains("+ register task patch-baseline-Prod with maintenance window prod-weekly", plan.ToString(), StringComparison.Ordinal);
        Assert.Contains("+ create change calendar prod-weekly-freezes", plan.ToString(), StringComparison.Ordinal);
        Assert.Contains("Plan: 24 to add, 0 to change, 0 to remove", plan.ToString(), StringComparison.Ordinal);
        Assert.Contains("Apply complete: 24 change(s) written.", apply.ToString(), StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to add, 0 to change, 0 to remove; 0 drifted", again.ToString(), StringComparison.Ordinal);
        Assert.Contains("Apply complete: 0 change(s) written.", again.ToString(), StringComparison.Ordinal);
        Assert.Equal(writes, await aws.CallsAsync("SSM.CreatePatchBaseline") + await aws.CallsAsync("SSM.RegisterPatchBaselineForPatchGroup"));
    }

    [Theory]
    [InlineData("servicenow")]
    [InlineData("jira")]
    public async Task PolicyCommand_ApplyViaChange_RaisesAStandardChangeAppliesAndClosesItWithThePlan(string desk)
    {
        await using var simulators = await StartSimulatorsAsync();
        using var aws = new AwsSimulator(simulators);
        using var desks = new DeskSimulators(simulators);
        var configuration = Configuration(simulators, aws);
        using var output = new StringWriter();

        var run = PolicyCommand.RunAsync(
            ["apply", PatchChangeServer.RepositoryFile("policies"), "--via-change", desk, "--approval-timeout", "PT2M", "--approval-poll-interval", "PT0.2S"],
            configuration, output, CancellationToken.None);
        if (desk == "jira")
        {
            // The simulated Jira project's change workflow asks for approval even for a standard change: the apply waits for it.
            await WaitForAsync(async () => await desks.JiraIssueCountAsync("project = ITOPS") > 0
                && (await desks.JiraIssueAsync("ITOPS-1", "status"))["fields"]!["status"]!["name"]!.GetValue<string>() == "Awaiting approval");
            Assert.Equal(0, await aws.CallsAsync("SSM.CreatePatchBaseline"));
            await desks.JiraDecideAsync("ITOPS-1", approve: true);
        }

        Assert.Equal(0, await run);
        var number = ClosedChange().Match(output.ToString()).Groups[1].Value;
        Assert.Contains($"{desk}:{number} closed Successful: 24 change(s) written", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(5, (await aws.CountersAsync())["SSM.CreatePatchBaseline"].Calls);
        if (desk == "servicenow")
        {
            var record = await desks.ServiceNowChangeAsync(number);
            var attachments = await desks.ServiceNowAttachmentsAsync(DeskSimulators.Value(record, "sys_id"));
            Assert.Equal(("standard", "3", "successful"), (DeskSimulators.Value(record, "type"), DeskSimulators.Value(record, "state"), DeskSimulators.Value(record, "close_code")));
            Assert.Contains("+ create baseline al2023-prod", attachments["patch-policy-plan.md"], StringComparison.Ordinal);
            Assert.Contains("patch-policy-plan.json", attachments.Keys);
        }
        else
        {
            var issue = await desks.JiraIssueAsync(number, "status,attachment");
            var attachments = issue["fields"]!["attachment"]!.AsArray().Select(a => a!["filename"]!.GetValue<string>()).ToList();
            Assert.Equal("Completed", issue["fields"]!["status"]!["name"]!.GetValue<string>());
            Assert.Contains("patch-policy-plan.md", attachments);
            Assert.Contains("patch-policy-plan.json", attachments);
        }

        using var rerun = new StringWriter();
        Assert.Equal(0, await PolicyCommand.RunAsync(["apply", PatchChangeServer.RepositoryFile("policies"), "--via-change", desk], configuration, rerun, CancellationToken.None));
        Assert.Contains("SSM already matches the policy; no change raised.", rerun.ToString(), StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<Task<bool>> reached)
    {
        for (var i = 0; i < 600 && !await reached(); i++)
        {
            await Task.Delay(50);
        }
    }

    private static Task<SimulatorHost> StartSimulatorsAsync() => SimulatorHost.StartAsync(new Dictionary<string, string?>
    {
        ["Simulators:Clock:TimeScale"] = "2000",
        ["Simulators:Aws:FleetSize"] = "20",
        ["Simulators:Aws:Seed"] = 11.ToString(CultureInfo.InvariantCulture),
    });

    private static IConfiguration Configuration(SimulatorHost simulators, AwsSimulator aws) =>
        new ConfigurationBuilder().AddInMemoryCollection(SimulatorConnections.Settings(simulators, aws).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Build();

    [GeneratedRegex(@"^\w+:(\S+) closed ", RegexOptions.Multiline)]
    private static partial Regex ClosedChange();
}
