using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Planning;

namespace ChangeOrchestrator.Connectors.Aws.Policies;

/// <summary>
/// <see cref="IPatchPolicyTarget"/> on SSM Patch Manager and maintenance windows. Creates carry a client token
/// derived from the name and content, so a create retried after a lost answer returns what the first one made.
/// </summary>
internal sealed class AwsPatchPolicyTarget(AwsClients clients, AwsCalls calls) : IPatchPolicyTarget
{
    private readonly AwsWindowParts _parts = new(clients, calls);
    private readonly AwsFreezeCalendars _calendars = new(clients, calls);

    public async Task<DeployedPolicy> ReadAsync(CancellationToken cancellationToken)
    {
        var baselines = new List<DeployedBaseline>();
        foreach (var identity in await OwnBaselinesAsync(cancellationToken))
        {
            var tags = await TagsAsync(ResourceTypeForTagging.PatchBaseline, identity.BaselineId, cancellationToken);
            var managed = tags.GetValueOrDefault(PolicyTags.ManagedBy) == PolicyTags.ManagedByValue;
            var baseline = managed
                ? SsmBaselineMapping.FromSsm(await calls.RunAsync("SSM GetPatchBaseline", token =>
                    clients.Ssm.GetPatchBaselineAsync(new GetPatchBaselineRequest { BaselineId = identity.BaselineId }, token), cancellationToken))
                : new BaselinePolicy { Name = identity.BaselineName, OperatingSystem = identity.OperatingSystem?.Value ?? "WINDOWS" };
            baselines.Add(new DeployedBaseline(identity.BaselineId, managed, tags.GetValueOrDefault(PolicyTags.AppliedHash), baseline));
        }

        var registrations = await calls.RunAsync<List<DeployedRegistration>>("SSM DescribePatchGroups", async token =>
        {
            var found = new List<DeployedRegistration>();
            await foreach (var mapping in clients.Ssm.Paginators.DescribePatchGroups(new DescribePatchGroupsRequest { MaxResults = 100 }).Mappings.WithCancellation(token))
            {
                found.Add(new DeployedRegistration(mapping.PatchGroup, mapping.BaselineIdentity?.OperatingSystem?.Value ?? "WINDOWS", mapping.BaselineIdentity?.BaselineId ?? ""));
            }

            return found;
        }, cancellationToken);

        var windows = new List<DeployedWindow>();
        var identities = await calls.RunAsync<List<MaintenanceWindowIdentity>>("SSM DescribeMaintenanceWindows", async token =>
        {
            var found = new List<MaintenanceWindowIdentity>();
            await foreach (var window in clients.Ssm.Paginators.DescribeMaintenanceWindows(new DescribeMaintenanceWindowsRequest { MaxResults = 50 }).WindowIdentities.WithCancellation(token))
            {
                found.Add(window);
            }

            return found;
        }, cancellationToken);
        foreach (var window in identities)
        {
            var tags = await TagsAsync(ResourceTypeForTagging.MaintenanceWindow, window.WindowId, cancellationToken);
            var groups = tags.GetValueOrDefault(PolicyTags.PatchGroups) is { Length: > 0 } value ? value.Split(PolicyTags.GroupSeparator) : [];
            var managed = tags.GetValueOrDefault(PolicyTags.ManagedBy) == PolicyTags.ManagedByValue;
            var (targets, tasks) = managed ? await _parts.ReadAsync(window.WindowId, cancellationToken) : ([], []);
            windows.Add(new DeployedWindow(window.WindowId, managed,
                tags.GetValueOrDefault(PolicyTags.AppliedHash), new MaintenanceWindowPolicy
                {
                    Name = window.Name,
                    Schedule = window.Schedule ?? "",
                    TimeZone = AwsText.OrNull(window.ScheduleTimezone),
                    Duration = window.Duration ?? 0,
                    Cutoff = window.Cutoff ?? 0,
                    Description = AwsText.OrNull(window.Description),
                    PatchGroups = groups,
                }) { Targets = targets, Tasks = tasks });
        }

        var calendars = await _calendars.ReadAsync(name => TagsAsync(ResourceTypeForTagging.Document, name, cancellationToken), cancellationToken);
        return new DeployedPolicy(baselines, registrations, windows) { Calendars = calendars };
    }

    public async Task<string?> ApplyAsync(PlannedChange change, string? baselineId, CancellationToken cancellationToken)
    {
        switch (change.Action, change.Kind)
        {
            case (_, PolicyResourceKind.WindowTarget or PolicyResourceKind.WindowTask):
                var id = await _parts.ApplyAsync(change, cancellationToken);

                // The window's tag hashes its parts too: record what they are now, so they are not taken for drift.
                await TagAsync(ResourceTypeForTagging.MaintenanceWindow, change.WindowId!, [new Tag { Key = PolicyTags.AppliedHash, Value = change.Hash ?? "" }], cancellationToken);
                return id;
            case (_, PolicyResourceKind.ChangeCalendar):
                var calendarTags = Tags(change);
                await _calendars.ApplyAsync(change, calendarTags, () => TagAsync(ResourceTypeForTagging.Document, change.Name, calendarTags, cancellationToken), cancellationToken);
                return change.Name;
            case (PlanAction.Create, PolicyResourceKind.Baseline):
                var created = await calls.RunAsync("SSM CreatePatchBaseline", token => clients.Ssm.CreatePatchBaselineAsync(
                    SsmBaselineMapping.Create(change.Baseline!, ClientToken(change), Tags(change)), token), cancellationToken);
                return created.BaselineId;
            case (PlanAction.Update, PolicyResourceKind.Baseline):
                await calls.RunAsync("SSM UpdatePatchBaseline", token =>
                    clients.Ssm.UpdatePatchBaselineAsync(SsmBaselineMapping.Update(change.ResourceId!, change.Baseline!), token), cancellationToken);
                await TagAsync(ResourceTypeForTagging.PatchBaseline, change.ResourceId!, Tags(change), cancellationToken);
                return change.ResourceId;
            case (PlanAction.Delete, PolicyResourceKind.Baseline):
                await calls.RunAsync("SSM DeletePatchBaseline", token =>
                    clients.Ssm.DeletePatchBaselineAsync(new DeletePatchBaselineRequest { BaselineId = change.ResourceId! }, token), cancellationToken);
                return change.ResourceId;
            case (PlanAction.Register, _):
                await calls.RunAsync("SSM RegisterPatchBaselineForPatchGroup", token => clients.Ssm.RegisterPatchBaselineForPatchGroupAsync(
                    new RegisterPatchBaselineForPatchGroupRequest { BaselineId = baselineId, PatchGroup = change.Name }, token), cancellationToken);
                return baselineId;
            case (PlanAction.Deregister, _):
                await calls.RunAsync("SSM DeregisterPatchBaselineForPatchGroup", token => clients.Ssm.DeregisterPatchBaselineForPatchGroupAsync(
                    new DeregisterPatchBaselineForPatchGroupRequest { BaselineId = change.ResourceId!, PatchGroup = change.Name }, token), cancellationToken);
                return change.ResourceId;
            case (PlanAction.Create, PolicyResourceKind.MaintenanceWindow):
                var window = change.Window!;
                var response = await calls.RunAsync("SSM CreateMaintenanceWindow", token => clients.Ssm.CreateMaintenanceWindowAsync(new CreateMaintenanceWindowRequest
                {
                    Name = window.Name,
                    Schedule = window.Schedule,
                    ScheduleTimezone = window.TimeZone,
                    Duration = window.Duration,
                    Cutoff = window.Cutoff,
                    Description = window.Description,
                    AllowUnassociatedTargets = false,
                    ClientToken = ClientToken(change),
                    Tags = Tags(change),
                }, token), cancellationToken);
                return response.WindowId;
            case (PlanAction.Update, PolicyResourceKind.MaintenanceWindow):
                var updated = change.Window!;
                await calls.RunAsync("SSM UpdateMaintenanceWindow", token => clients.Ssm.UpdateMaintenanceWindowAsync(new UpdateMaintenanceWindowRequest
                {
                    WindowId = change.ResourceId,
                    Replace = true,
                    Name = updated.Name,
                    Schedule = updated.Schedule,
                    ScheduleTimezone = updated.TimeZone,
                    Duration = updated.Duration,
                    Cutoff = updated.Cutoff,
                    Description = updated.Description,
                    AllowUnassociatedTargets = false,
                    Enabled = true,
                }, token), cancellationToken);
                await TagAsync(ResourceTypeForTagging.MaintenanceWindow, change.ResourceId!, Tags(change), cancellationToken);
                return change.ResourceId;
            case (PlanAction.Delete, PolicyResourceKind.MaintenanceWindow):
                await calls.RunAsync("SSM DeleteMaintenanceWindow", token =>
                    clients.Ssm.DeleteMaintenanceWindowAsync(new DeleteMaintenanceWindowRequest { WindowId = change.ResourceId }, token), cancellationToken);
                return change.ResourceId;
            default:
                throw new InvalidOperationException($"No SSM write for {change.Summary}.");
        }
    }

    private static string ClientToken(PlannedChange change) => ClientTokens.For(change);

    private static List<Tag> Tags(PlannedChange change)
    {
        List<Tag> tags =
        [
            new Tag { Key = PolicyTags.ManagedBy, Value = PolicyTags.ManagedByValue },
            new Tag { Key = PolicyTags.AppliedHash, Value = change.Hash ?? "" },
        ];
        if (change.Window is { } window)
        {
            tags.Add(new Tag { Key = PolicyTags.PatchGroups, Value = string.Join(PolicyTags.GroupSeparator, window.PatchGroups) });
        }

        return tags;
    }

    private async Task<List<PatchBaselineIdentity>> OwnBaselinesAsync(CancellationToken cancellationToken) =>
        await calls.RunAsync<List<PatchBaselineIdentity>>("SSM DescribePatchBaselines", async token =>
        {
            var found = new List<PatchBaselineIdentity>();
            var request = new DescribePatchBaselinesRequest { MaxResults = 100, Filters = [new PatchOrchestratorFilter { Key = "OWNER", Values = ["Self"] }] };
            await foreach (var identity in clients.Ssm.Paginators.DescribePatchBaselines(request).BaselineIdentities.WithCancellation(token))
            {
                found.Add(identity);
            }

            return found;
        }, cancellationToken);

    private async Task<Dictionary<string, string>> TagsAsync(ResourceTypeForTagging type, string id, CancellationToken cancellationToken)
    {
        var response = await calls.RunAsync("SSM ListTagsForResource", token =>
            clients.Ssm.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceType = type, ResourceId = id }, token), cancellationToken);
        return (response.TagList ?? []).ToDictionary(t => t.Key, t => t.Value ?? "", StringComparer.Ordinal);
    }

    private Task TagAsync(ResourceTypeForTagging type, string id, List<Tag> tags, CancellationToken cancellationToken) =>
        calls.RunAsync("SSM AddTagsToResource", token =>
            clients.Ssm.AddTagsToResourceAsync(new AddTagsToResourceRequest { ResourceType = type, ResourceId = id, Tags = tags }, token), cancellationToken);
}
