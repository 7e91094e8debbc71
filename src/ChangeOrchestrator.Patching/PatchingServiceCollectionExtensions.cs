using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Patching.Activities.ChangeRequests;
using ChangeOrchestrator.Patching.Activities.Fleet;
using ChangeOrchestrator.Patching.Activities.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Patching;

public static class PatchingServiceCollectionExtensions
{
    /// <summary>
    /// The change-management activities. They use the ports (<c>IServiceDeskResolver</c>, <c>IPatchFleet</c>,
    /// <c>ISnapshotService</c>) that a connector module registers.
    /// </summary>
    public static IServiceCollection AddPatchingActivities(this IServiceCollection services) =>
        services
            .AddActivity<ResolveTargets>()
            .AddActivity<RaiseChangeRequest>()
            .AddActivity<WaitForApproval>()
            .AddActivity<UpdateChangeRequest>()
            .AddActivity<CloseChangeRequest>()
            .AddActivity<CancelChangeRequest>()
            .AddActivity<CheckAgents>()
            .AddActivity<ScanForMissingPatches>()
            .AddActivity<SnapshotInstances>()
            .AddActivity<PatchInstances>();
}
