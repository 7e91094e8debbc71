using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Patching;

public sealed class PatchingServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData("ResolveTargets", "Done,NoTargets", false)]
    [InlineData("RaiseChangeRequest", "Done", false)]
    [InlineData("CheckConflicts", "Clear,Moved,Conflicting,Blocked", false)]
    [InlineData("AttachAffectedServers", "Done", false)]
    [InlineData("WaitForApproval", "Approved,Rejected,TimedOut", true)]
    [InlineData("UpdateChangeRequest", "Done", false)]
    [InlineData("CloseChangeRequest", "Done", false)]
    [InlineData("CancelChangeRequest", "Done,AlreadyClosed", false)]
    [InlineData("CheckAgents", "AllOnline,SomeOffline,NoneOnline", false)]
    [InlineData("ScanForMissingPatches", "Done,NothingMissing,ScanFailed", true)]
    [InlineData("SnapshotInstances", "Done,Failed", true)]
    [InlineData("PatchInstances", "Succeeded,PartiallyFailed,Failed", true)]
    [InlineData("AssessChange", "PreApproved,NeedsApproval", false)]
    [InlineData("WaitForMaintenanceWindow", "Open,Missed", true)]
    [InlineData("VerifyRemediation", "Remediated,Residual", true)]
    [InlineData("ValidateApplications", "Healthy,Unhealthy", true)]
    [InlineData("RollbackInstances", "Done,Failed", true)]
    [InlineData("Notify", "Done,Failed", false)]
    [InlineData("ReadComplianceDigest", "Done", false)]
    public void AddPatchingActivities_Catalogue_DescribesTheActivity(string type, string outcomes, bool suspends)
    {
        using var services = new ServiceCollection().AddWorkflowEngine().AddPatchingActivities().BuildServiceProvider();

        var descriptor = services.GetRequiredService<ActivityCatalogue>().Find(type);

        Assert.NotNull(descriptor);
        Assert.Equal(outcomes.Split(','), descriptor.Outcomes);
        Assert.Equal(suspends, descriptor.Suspends);
        Assert.All(descriptor.Inputs, input => Assert.False(string.IsNullOrWhiteSpace(input.Description), $"{type}.{input.Name} has no description"));
    }

    [Fact]
    public void AddPatchingActivities_RaiseChangeRequest_ListsTheAcceptedChangeTypes()
    {
        using var services = new ServiceCollection().AddWorkflowEngine().AddPatchingActivities().BuildServiceProvider();

        var descriptor = services.GetRequiredService<ActivityCatalogue>().Find("RaiseChangeRequest")!;

        Assert.Equal(["desk", "shortDescription", "plannedStart", "plannedEnd"], descriptor.Inputs.Where(i => i.Required).Select(i => i.Name));
        Assert.Equal(["standard", "normal", "emergency"], descriptor.FindInput("changeType")!.AllowedValues);
    }

    [Fact]
    public void AddPatchingActivities_CheckConflicts_ListsThePoliciesAndRequiresTheWindow()
    {
        using var services = new ServiceCollection().AddWorkflowEngine().AddPatchingActivities().BuildServiceProvider();

        var descriptor = services.GetRequiredService<ActivityCatalogue>().Find("CheckConflicts")!;

        Assert.Equal(["desk", "servers", "windowStart", "windowEnd"], descriptor.Inputs.Where(i => i.Required).Select(i => i.Name));
        Assert.Equal(["nextWindow", "raiseWithConflicts", "stop"], descriptor.FindInput("onConflict")!.AllowedValues);
        Assert.Contains("conflicts", descriptor.Outputs.Select(o => o.Name));
    }
}
