using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Patching.AllowedValues;
using ChangeOrchestrator.Patching.Assessment;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Compliance.Digest;
using ChangeOrchestrator.Patching.Compliance.Reports;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Notifications;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Planning;
using ChangeOrchestrator.Patching.Snapshots;
using ChangeOrchestrator.Patching.Validation;
using ChangeOrchestrator.Patching.Verification;
using ChangeOrchestrator.Patching.Windows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeOrchestrator.Patching;

public static class PatchingServiceCollectionExtensions
{
    /// <summary>
    /// The change-management activities. They use the ports (<c>IServiceDeskResolver</c>, <c>IPatchFleet</c>,
    /// <c>ISnapshotService</c>, <c>IChangeCalendar</c>, <c>IFleetCommands</c>) that a connector module registers. The
    /// notification client logs nothing, as webhook URLs carry their secret. Also the sources of allowed values that
    /// workflow inputs name with <c>enumFrom</c> (<c>serviceDesks</c>, <c>patchGroups</c>, <c>changeCalendars</c>); each
    /// is built only when a start asks for it, so definitions validate without the ports behind them.
    /// </summary>
    public static IServiceCollection AddPatchingActivities(this IServiceCollection services)
    {
        services.TryAddSingleton<PatchPolicyHolder>();
        services.TryAddSingleton<ComplianceReports>();
        services.TryAddSingleton<IRunStarterLookup, UnknownRunStarter>();
        return services
            .AddActivity<ResolveTargets>()
            .AddActivity<RaiseChangeRequest>()
            .AddActivity<CheckConflicts>()
            .AddActivity<AttachAffectedServers>()
            .AddActivity<WaitForApproval>()
            .AddActivity<UpdateChangeRequest>()
            .AddActivity<CloseChangeRequest>()
            .AddActivity<CancelChangeRequest>()
            .AddActivity<CheckAgents>()
            .AddActivity<ScanForMissingPatches>()
            .AddActivity<SnapshotInstances>()
            .AddActivity<PatchInstances>()
            .AddActivity<AssessChange>()
            .AddActivity<WaitForMaintenanceWindow>()
            .AddActivity<VerifyRemediation>()
            .AddActivity<ValidateApplications>()
            .AddActivity<RollbackInstances>()
            .AddActivity<Notify>()
            .AddActivity<CheckPolicyDrift>()
            .AddActivity<ReadPatchPolicy>()
            .AddActivity<ReadComplianceDigest>()
            .AddAllowedValueSource<ServiceDeskValues>(ServiceDeskValues.Name, "the configured service desks")
            .AddAllowedValueSource<PatchGroupValues>(PatchGroupValues.Name, "the patch groups of the fleet")
            .AddAllowedValueSource<ChangeCalendarValues>(ChangeCalendarValues.Name, "the configured change calendars")
            .AddHttpClient(ValidateApplications.HttpClientName).Services
            .AddHttpClient(Notify.HttpClientName).RemoveAllLoggers().Services;
    }
}
