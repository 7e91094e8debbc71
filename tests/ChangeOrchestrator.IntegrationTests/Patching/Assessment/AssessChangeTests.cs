using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Patching.Assessment;

public sealed class AssessChangeTests
{
    private static readonly object[] CriticalFinding =
    [
        new
        {
            instanceId = "i-0a1",
            missingCount = 2,
            patches = new object[]
            {
                new { id = "KB5049983", title = "2026-01 Cumulative Update", classification = "SecurityUpdates", severity = "Critical", state = "missing", cveIds = new[] { "CVE-2026-0001", "CVE-2026-0002" } },
                new { id = "KB5050001", title = "2026-01 .NET update", classification = "SecurityUpdates", severity = "Important", state = "missing", cveIds = new[] { "CVE-2026-0100" } },
            },
        },
        new
        {
            instanceId = "i-0a2",
            missingCount = 1,
            patches = new object[]
            {
                new { id = "openssl.x86_64", title = "openssl", classification = "Security", severity = "Medium", state = "missing", cveIds = Array.Empty<string>() },
            },
        },
    ];

    private static readonly object[] ModerateFinding =
    [
        new
        {
            instanceId = "i-0b1",
            missingCount = 1,
            patches = new object[] { new { id = "curl.x86_64", title = "curl", classification = "Security", severity = "Moderate", state = "missing", cveIds = new[] { "CVE-2026-0200" } } },
        },
    ];

    [Fact]
    public async Task AssessChange_DevWithoutPolicy_IsAPreApprovedStandardChange()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { environment = "Dev", missingPatches = ModerateFinding, targetCount = 1 }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("PreApproved", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal("standard", output["changeType"]!.GetValue<string>());
        Assert.Equal("low", output["risk"]!.GetValue<string>());
        Assert.Equal("low", output["impact"]!.GetValue<string>());
        Assert.False(output["requiresApproval"]!.GetValue<bool>());
        Assert.Equal("Moderate", output["highestSeverity"]!.GetValue<string>());
        Assert.Contains(output["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("built-in policy for Dev", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssessChange_ProdWithCriticalPatches_NeedsApprovalAtTheRiskOfTheEnvironment()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { environment = "prod", missingPatches = CriticalFinding, targetCount = 2 }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("NeedsApproval", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal("normal", output["changeType"]!.GetValue<string>());
        Assert.Equal("high", output["risk"]!.GetValue<string>());
        Assert.Equal("high", output["impact"]!.GetValue<string>());
        Assert.True(output["requiresApproval"]!.GetValue<bool>());
        Assert.Equal("Critical", output["highestSeverity"]!.GetValue<string>());
        Assert.Equal(["CVE-2026-0001", "CVE-2026-0002"], output["criticalCves"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains(output["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("1 of them critical, fixing 2 CVEs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssessChange_CriticalAsEmergencyInProd_IsAnEmergencyChange()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { environment = "Prod", missingPatches = CriticalFinding, criticalAsEmergency = true }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("NeedsApproval", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal("emergency", output["changeType"]!.GetValue<string>());
        Assert.Equal("high", output["risk"]!.GetValue<string>());
        Assert.True(output["requiresApproval"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AssessChange_CriticalAsEmergencyInDev_StaysAStandardChange()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { environment = "Dev", missingPatches = CriticalFinding, criticalAsEmergency = true }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("PreApproved", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal("standard", output["changeType"]!.GetValue<string>());
        Assert.Equal("low", output["risk"]!.GetValue<string>());
    }

    [Fact]
    public async Task AssessChange_UnknownEnvironment_IsTreatedAsProduction()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { environment = "Staging-EU" }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("NeedsApproval", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal("normal", output["changeType"]!.GetValue<string>());
        Assert.Equal("high", output["risk"]!.GetValue<string>());
        Assert.Equal("None", output["highestSeverity"]!.GetValue<string>());
        Assert.Contains(output["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("treated as production", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssessChange_PolicyForTheEnvironment_OverridesTheBuiltInOne()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        var policy = new Dictionary<string, object> { ["Test"] = new { changeType = "standard", risk = "medium", requiresApproval = false } };
        await harness.PublishAsync(Workflow(new { environment = "Test", missingPatches = ModerateFinding, policy }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("PreApproved", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal("standard", output["changeType"]!.GetValue<string>());
        Assert.Equal("medium", output["risk"]!.GetValue<string>());
        Assert.Equal("medium", output["impact"]!.GetValue<string>());
    }

    [Fact]
    public async Task AssessChange_ManyServers_RaisesTheImpact()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { environment = "Test", missingPatches = ModerateFinding, targetCount = 12, largeChangeThreshold = 10 }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("high", output["impact"]!.GetValue<string>());
        Assert.Contains(output["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("12 servers reach the large-change threshold of 10", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "Prod": { "risk": "extreme" } }""", "policy.Prod.risk")]
    [InlineData("""{ "Prod": { "changeType": "normal", "requiresApproval": false } }""", "policy.Prod.requiresApproval")]
    [InlineData("""{ "Prod": { "owner": "ops" } }""", "policy.Prod.owner")]
    [InlineData("""{ "Prod": "normal" }""", "policy.Prod")]
    public async Task AssessChange_InvalidPolicy_FaultsNamingTheField(string policy, string field)
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { environment = "Prod", policy = System.Text.Json.Nodes.JsonNode.Parse(policy) }));

        var instance = await harness.StartAsync("assess");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains(field, instance.Incident!.Message, StringComparison.Ordinal);
        Assert.Null(await harness.OutcomeAsync(instance.Id, "step"));
    }

    [Fact]
    public async Task AssessChange_OutputsFeedRaiseChangeRequest_RaisesTheChangeWithThatTypeAndRisk()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(TestWorkflows.Chain(
            "assess-raise",
            new TestStep("assess", "AssessChange", new { environment = "Prod", missingPatches = CriticalFinding }),
            new TestStep("raise", "RaiseChangeRequest", new
            {
                desk = "servicenow",
                shortDescription = "Prod patching",
                plannedStart = "2026-03-07T22:00:00Z",
                plannedEnd = "2026-03-07T23:30:00Z",
                changeType = TestWorkflows.Js("steps.assess.changeType"),
                risk = TestWorkflows.Js("steps.assess.risk"),
                impact = TestWorkflows.Js("steps.assess.impact"),
                requestApproval = TestWorkflows.Js("steps.assess.requiresApproval"),
            }, After: "NeedsApproval")));

        var instance = await harness.StartAsync("assess-raise");

        var change = await harness.Desks.ServiceNowChangeAsync((await harness.OutputAsync(instance.Id, "raise"))["number"]!.GetValue<string>());
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "raise"));
        Assert.Equal("normal", DeskSimulators.Value(change, "type"));
        Assert.Equal("2", DeskSimulators.Value(change, "risk"));
    }

    [Fact]
    public async Task AssessChange_DevGroupInThePolicyFiles_IsAPreApprovedStandardChangeFromTheFiles()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await UsePolicyFilesAsync(harness);
        await harness.PublishAsync(Workflow(new { environment = "Dev", patchGroup = "Dev", missingPatches = CriticalFinding }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("PreApproved", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(("standard", "low", "low", false), (output["changeType"]!.GetValue<string>(), output["risk"]!.GetValue<string>(), output["impact"]!.GetValue<string>(), output["requiresApproval"]!.GetValue<bool>()));
        Assert.Contains(output["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("(the change policy of patch group Dev, patch-groups.yaml:", StringComparison.Ordinal));
        Assert.Equal(0, output["rollout"]!["canaryPercent"]!.GetValue<int>());
        Assert.Equal("PT10M", output["rollout"]!["soak"]!.GetValue<string>());
    }

    [Fact]
    public async Task AssessChange_ProdGroupInThePolicyFiles_IsANormalChangeForTheCab()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await UsePolicyFilesAsync(harness);
        await harness.PublishAsync(Workflow(new { environment = "Prod", patchGroup = "Prod", missingPatches = CriticalFinding }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("NeedsApproval", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(("normal", "high", "high", true), (output["changeType"]!.GetValue<string>(), output["risk"]!.GetValue<string>(), output["impact"]!.GetValue<string>(), output["requiresApproval"]!.GetValue<bool>()));
        Assert.Contains(output["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("(the change policy of patch group Prod, patch-groups.yaml:", StringComparison.Ordinal));
        Assert.Equal("abort", output["rollout"]!["offlinePolicy"]!.GetValue<string>());
        Assert.Equal(("prod-weekly", "0 2 * * SUN", "PT4H", "Europe/London"), (output["window"]!["name"]!.GetValue<string>(), output["window"]!["schedule"]!.GetValue<string>(),
            output["window"]!["duration"]!.GetValue<string>(), output["window"]!["timeZone"]!.GetValue<string>()));
        Assert.Equal("Year-end trading freeze", output["window"]!["freezes"]![0]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task AssessChange_InputOverridesTheGroupPolicy_RecordsTheOverrideInTheReasons()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await UsePolicyFilesAsync(harness);
        var policy = new Dictionary<string, object> { ["Prod"] = new { risk = "critical" } };
        await harness.PublishAsync(Workflow(new { environment = "Prod", patchGroup = "Prod", missingPatches = ModerateFinding, policy }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(("normal", "critical", true), (output["changeType"]!.GetValue<string>(), output["risk"]!.GetValue<string>(), output["requiresApproval"]!.GetValue<bool>()));
        Assert.Contains(output["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains(
            "overridden for this run by the workflow input policy.Prod: risk high -> critical", StringComparison.Ordinal));
        var recorded = Assert.Single(output["overrides"]!.AsArray());
        Assert.Equal(("risk", "high", "critical"), (recorded!["field"]!.GetValue<string>(), recorded["policyValue"]!.GetValue<string>(), recorded["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AssessChange_NoGroupPolicyAndNoRolloutInputs_UsesTheBuiltInRollout()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { environment = "Prod", missingPatches = ModerateFinding }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        var rollout = output["rollout"]!;
        Assert.Equal((10, "PT30M", "10%", "10%", "5%", "exclude"), (rollout["canaryPercent"]!.GetValue<int>(), rollout["soak"]!.GetValue<string>(),
            rollout["maxConcurrency"]!.GetValue<string>(), rollout["maxErrors"]!.GetValue<string>(), rollout["failureThreshold"]!.GetValue<string>(), rollout["offlinePolicy"]!.GetValue<string>()));
        Assert.Equal("nextWindow", rollout["onConflict"]!.GetValue<string>());
        Assert.Empty(output["overrides"]!.AsArray());
    }

    [Fact]
    public async Task AssessChange_RolloutInputsAgainstTheGroupPolicy_UsesTheInputsAndListsOnlyTheValuesThatDiffer()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await UsePolicyFilesAsync(harness);
        await harness.PublishAsync(Workflow(new
        {
            environment = "Prod", patchGroup = "Prod", missingPatches = ModerateFinding,
            soak = "PT5M", offlinePolicy = "exclude", maxErrors = "1",
        }));

        var instance = await harness.StartAsync("assess");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(("PT5M", "exclude", "1", "10%"), (output["rollout"]!["soak"]!.GetValue<string>(), output["rollout"]!["offlinePolicy"]!.GetValue<string>(),
            output["rollout"]!["maxErrors"]!.GetValue<string>(), output["rollout"]!["maxConcurrency"]!.GetValue<string>()));
        var overrides = output["overrides"]!.AsArray().Select(o => (o!["field"]!.GetValue<string>(), o["policyValue"]!.GetValue<string>(), o["value"]!.GetValue<string>())).ToList();
        Assert.Equal([("soak", "PT1H", "PT5M"), ("offlinePolicy", "abort", "exclude")], overrides);
        Assert.Contains(output["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains(
            "the workflow input overrides the policy of patch group Prod: soak PT1H -> PT5M, offlinePolicy abort -> exclude", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssessChange_OnConflictFromTheGroupPolicyOrTheInput_InputOverridesAndIsRecorded()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await UsePolicyFilesAsync(harness);
        await harness.PublishAsync(Workflow(new { environment = "Prod", patchGroup = "Prod", missingPatches = ModerateFinding }));
        var fromPolicy = await harness.StartAsync("assess");
        await harness.PublishAsync(Workflow(new { environment = "Prod", patchGroup = "Prod", missingPatches = ModerateFinding, onConflict = "raiseWithConflicts" }));

        var overridden = await harness.StartAsync("assess");

        Assert.Equal("nextWindow", (await harness.OutputAsync(fromPolicy.Id, "step"))["rollout"]!["onConflict"]!.GetValue<string>());
        var output = await harness.OutputAsync(overridden.Id, "step");
        Assert.Equal("raiseWithConflicts", output["rollout"]!["onConflict"]!.GetValue<string>());
        var recorded = Assert.Single(output["overrides"]!.AsArray());
        Assert.Equal(("onConflict", "nextWindow", "raiseWithConflicts"), (recorded!["field"]!.GetValue<string>(), recorded["policyValue"]!.GetValue<string>(), recorded["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AssessChange_OnConflictNotAPolicy_FailsNamingTheInput()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { environment = "Dev", missingPatches = ModerateFinding, onConflict = "postpone" }));

        var instance = await harness.StartAsync("assess");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("onConflict is 'postpone', not one of nextWindow, raiseWithConflicts, stop", instance.Incident!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessChange_CanaryPercentOutOfRange_FailsNamingTheInput()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { environment = "Dev", missingPatches = ModerateFinding, canaryPercent = 150 }));

        var instance = await harness.StartAsync("assess");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("canaryPercent must be from 0 to 100", instance.Incident!.Message, StringComparison.Ordinal);
    }

    private static async Task UsePolicyFilesAsync(PatchingHarness harness)
    {
        var folder = PatchChangeServer.RepositoryFile("policies");
        var loaded = await ChangeOrchestrator.Patching.Policies.Loading.PatchPolicyLoader.LoadDirectoryAsync(folder, CancellationToken.None);
        harness.Services.GetRequiredService<ChangeOrchestrator.Patching.Policies.PatchPolicyHolder>().Set(loaded.Policy!, folder);
    }

    private static string Workflow(object inputs) => TestWorkflows.OneStep("assess", "AssessChange", inputs);
}
