using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.Patching.AllowedValues;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.IntegrationTests.Patching.AllowedValues;

/// <summary>
/// The start's check of one patch group against the simulated fleet over real HTTP: it reads the servers tagged with
/// that group, never every hybrid node's tags, and keeps what it found as long as the listing would be kept.
/// </summary>
public sealed class PatchGroupValuesTests
{
    private static readonly TimeSpan CacheDuration = new AllowedValuesOptions().PatchGroupsCacheDuration;

    [Fact]
    public async Task FindAsync_GroupServersCarry_IsFoundWithoutATagReadAndKeptForTheCacheDuration()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var time = new FakeTimeProvider(PatchingHarness.DefaultStart);
        using var values = Values(harness, time);

        var first = await values.FindAsync("Prod", CancellationToken.None);
        var readsAfterFirst = await harness.Aws.CountersAsync();
        time.Advance(CacheDuration - TimeSpan.FromSeconds(1));
        var kept = await values.FindAsync("Prod", CancellationToken.None);
        var readsWhileKept = await harness.Aws.TotalCallsAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        await values.FindAsync("Prod", CancellationToken.None);

        Assert.Equal(new AllowedValue("Prod", "carried by live servers"), first.Value);
        Assert.Equal(first.Value, kept.Value);
        Assert.Equal(1, readsAfterFirst["SSM.DescribeInstanceInformation"].Calls);
        Assert.False(readsAfterFirst.ContainsKey("SSM.ListTagsForResource"));
        Assert.Equal(readsAfterFirst.Values.Sum(c => c.Calls), readsWhileKept);
        Assert.Equal(2, await harness.Aws.CallsAsync("SSM.DescribeInstanceInformation"));
    }

    [Fact]
    public async Task Start_GroupNoServerCarriesAndNothingDeclares_IsRefusedNamingTheFieldAndWhy()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(PickGroup);

        var error = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() => harness.StartAsync("pick-group", new() { ["group"] = "Prdo" }));

        var refused = Assert.Single(error.Errors);
        Assert.Equal("group", refused.Field);
        Assert.Equal(
            "one of the patch groups of the fleet (no live server is tagged Patch Group=Prdo (or PatchGroup=Prdo) and neither a patch baseline nor the patch policy declares it)",
            refused.Expected);
        Assert.Equal(0, await harness.Aws.CallsAsync("SSM.ListTagsForResource"));
    }

    [Fact]
    public async Task FindAsync_UnknownGroupOnceTheListWasRead_ListsTheKnownGroupsWithoutAnotherRead()
    {
        await using var harness = await PatchingHarness.StartAsync();
        using var values = Values(harness, new FakeTimeProvider(PatchingHarness.DefaultStart));
        await values.GetAsync(CancellationToken.None);
        var readsForTheList = await harness.Aws.TotalCallsAsync();

        var unknown = await values.FindAsync("Prdo", CancellationToken.None);

        Assert.Null(unknown.Value);
        Assert.Contains(unknown.Known!.Values, v => v.Value == "Prod");
        Assert.Equal(readsForTheList, await harness.Aws.TotalCallsAsync());
    }

    [Fact]
    public async Task FindAsync_GroupsDeclaredOnlyByABaselineOrThePolicy_AreFoundWithNoServer()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.Aws.DeclarePatchGroupAsync("Registered");
        var policy = new PatchPolicyHolder();
        policy.Set(new PatchPolicy
        {
            PatchGroups =
            [
                new PatchGroupPolicy
                {
                    Name = "Planned",
                    Environment = "Prod",
                    ChangePolicy = new GroupChangePolicy { ChangeType = ChangeType.Normal, Risk = ChangeRisk.High, Impact = ChangeImpact.High, RequiresApproval = true },
                },
            ],
        }, "policies");
        using var values = Values(harness, new FakeTimeProvider(PatchingHarness.DefaultStart), policy);

        var registered = await values.FindAsync("Registered", CancellationToken.None);
        var planned = await values.FindAsync("Planned", CancellationToken.None);

        Assert.Equal(new AllowedValue("Registered", "declared by a patch baseline, no server", IsEmpty: true), registered.Value);
        Assert.Equal(new AllowedValue("Planned", "declared by the patch policy, no server", IsEmpty: true), planned.Value);
    }

    [Fact]
    public async Task FindAsync_FleetFailsOnceTheAnswersAreStale_AnswersWithTheLastAnswerAndFailsForAGroupNeverRead()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var time = new FakeTimeProvider(PatchingHarness.DefaultStart);
        using var values = Values(harness, time);
        await values.FindAsync("Prod", CancellationToken.None);
        time.Advance(CacheDuration + TimeSpan.FromSeconds(1));
        await harness.Aws.PostAsync("faults/errors", new { service = "SSM", operation = "DescribeInstanceInformation", count = 1000 });

        var stale = await values.FindAsync("Prod", CancellationToken.None);
        var neverRead = await Record.ExceptionAsync(() => values.FindAsync("Dev", CancellationToken.None));

        Assert.Equal("Prod", stale.Value?.Value);
        Assert.IsType<FleetException>(neverRead);
    }

    [Fact]
    public async Task FindAsync_FleetFailsOnceTheListIsStale_AnswersFromTheLastList()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var time = new FakeTimeProvider(PatchingHarness.DefaultStart);
        using var values = Values(harness, time);
        await values.GetAsync(CancellationToken.None);
        time.Advance(CacheDuration + TimeSpan.FromSeconds(1));
        await harness.Aws.PostAsync("faults/errors", new { service = "SSM", operation = "DescribeInstanceInformation", count = 1000 });

        var dev = await values.FindAsync("Dev", CancellationToken.None);
        var typo = await values.FindAsync("Dve", CancellationToken.None);

        Assert.Equal("Dev", dev.Value?.Value);
        Assert.Null(typo.Value);
        Assert.Contains(typo.Known!.Values, v => v.Value == "Dev");
    }

    private const string PickGroup = """
        {
          "id": "pick-group",
          "name": "pick-group",
          "inputs": [ { "name": "group", "type": "string", "required": true, "enumFrom": "patchGroups" } ],
          "activities": [ { "id": "log", "type": "Log", "inputs": { "message": "picked" } } ],
          "connections": []
        }
        """;

    private static PatchGroupValues Values(PatchingHarness harness, TimeProvider time, PatchPolicyHolder? policy = null) =>
        new(harness.Services.GetRequiredService<IPatchFleet>(), policy ?? new PatchPolicyHolder(), time, Options.Create(new AllowedValuesOptions()));
}
