using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Policies.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Policies;

/// <summary>The policy's freezes as SSM Change Calendars, through the AWS SDK against the simulator.</summary>
public sealed class AwsFreezeCalendarsTests
{
    [Fact]
    public async Task ApplyAsync_WindowWithAFreeze_CreatesAManagedChangeCalendarClosedDuringIt()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();

        var applied = await service.ApplyAsync(await AwsPatchPolicyTargetTests.LoadAsync(PolicyFolder.Shipped()), allowDeletes: false, CancellationToken.None);
        var ssm = host.Ssm();
        var during = await ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["prod-weekly-freezes"], AtTime = "2026-12-24T09:00:00Z" });
        var after = await ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["prod-weekly-freezes"], AtTime = "2027-01-10T09:00:00Z" });
        var tags = await ssm.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceType = ResourceTypeForTagging.Document, ResourceId = "prod-weekly-freezes" });
        var document = await ssm.GetDocumentAsync(new GetDocumentRequest { Name = "prod-weekly-freezes" });

        var create = Assert.Single(applied.Applied, c => c.Kind == PolicyResourceKind.ChangeCalendar);
        Assert.Equal(
            [new FieldChange("calendarType", null, "DEFAULT_OPEN"), new FieldChange("freezes", null, "1 freezes"),
             new FieldChange("freezes[2026-12-18T00:00:00Z]", null, "until 2027-01-04T00:00:00Z: Year-end trading freeze")],
            create.Fields);
        Assert.Equal(("CLOSED", "2027-01-04T00:00:00Z"), (during.State.Value, during.NextTransitionTime));
        Assert.Equal("OPEN", after.State.Value);
        Assert.Contains(tags.TagList, t => t is { Key: "managed-by", Value: "changeorchestrator" });
        Assert.Equal(DocumentType.ChangeCalendar, document.DocumentType);
        Assert.Contains("SUMMARY:Year-end trading freeze", document.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(applied.Applied, c => c.Kind == PolicyResourceKind.ChangeCalendar && c.Name != "prod-weekly-freezes");
    }

    [Fact]
    public async Task PlanAsync_CalendarEditedInSsm_ShowsDriftAndApplyRestoresTheFreeze()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();
        var policy = await AwsPatchPolicyTargetTests.LoadAsync(PolicyFolder.Shipped());
        await service.ApplyAsync(policy, allowDeletes: false, CancellationToken.None);
        var ssm = host.Ssm();
        var content = (await ssm.GetDocumentAsync(new GetDocumentRequest { Name = "prod-weekly-freezes" })).Content;
        var edited = await ssm.UpdateDocumentAsync(new UpdateDocumentRequest
        {
            Name = "prod-weekly-freezes", DocumentVersion = "$LATEST", DocumentFormat = DocumentFormat.TEXT,
            Content = content.Replace("DTEND:20270104T000000Z", "DTEND:20261220T000000Z", StringComparison.Ordinal),
        });
        await ssm.UpdateDocumentDefaultVersionAsync(new UpdateDocumentDefaultVersionRequest { Name = "prod-weekly-freezes", DocumentVersion = edited.DocumentDescription.DocumentVersion });

        var plan = await service.PlanAsync(policy, allowDeletes: false, CancellationToken.None);
        var restored = await service.ApplyAsync(policy, allowDeletes: false, CancellationToken.None);
        var state = await ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["prod-weekly-freezes"], AtTime = "2026-12-24T09:00:00Z" });
        var again = await service.PlanAsync(policy, allowDeletes: false, CancellationToken.None);

        var drift = Assert.Single(plan.Drift);
        Assert.Equal((PlanAction.Update, PolicyResourceKind.ChangeCalendar, "prod-weekly-freezes"), (drift.Action, drift.Kind, drift.Name));
        Assert.Equal(
            [new FieldChange("freezes[2026-12-18T00:00:00Z]", "until 2026-12-20T00:00:00Z: Year-end trading freeze", "until 2027-01-04T00:00:00Z: Year-end trading freeze")],
            drift.Fields);
        Assert.True(restored.Succeeded, string.Join("; ", restored.Errors));
        Assert.Equal("CLOSED", state.State.Value);
        Assert.Empty(again.Changes);
    }

    [Fact]
    public async Task ApplyAsync_FreezesRemovedFromThePolicy_DeletesTheCalendarOnlyWhenAllowed()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        using var folder = PolicyFolder.CopyOfShipped();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();
        await service.ApplyAsync(await AwsPatchPolicyTargetTests.LoadAsync(folder.Path), allowDeletes: false, CancellationToken.None);
        folder.Edit("maintenance-windows.yaml",
            "    freezes:\n      - start: 2026-12-18T00:00:00Z\n        end: 2027-01-04T00:00:00Z\n        reason: Year-end trading freeze\n", "");

        var held = await service.ApplyAsync(await AwsPatchPolicyTargetTests.LoadAsync(folder.Path), allowDeletes: false, CancellationToken.None);
        var stillThere = await host.Ssm().GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["prod-weekly-freezes"], AtTime = "2026-12-24T09:00:00Z" });
        var deleted = await service.ApplyAsync(await AwsPatchPolicyTargetTests.LoadAsync(folder.Path), allowDeletes: true, CancellationToken.None);

        var delete = Assert.Single(held.Plan.Changes);
        Assert.Equal((PlanAction.Delete, PolicyResourceKind.ChangeCalendar, true), (delete.Action, delete.Kind, delete.HeldBack));
        Assert.Equal("CLOSED", stillThere.State.Value);
        Assert.Equal((PlanAction.Delete, "prod-weekly-freezes"), (Assert.Single(deleted.Applied).Action, deleted.Applied[0].Name));
        await Assert.ThrowsAsync<InvalidDocumentException>(() => host.Ssm().GetDocumentAsync(new GetDocumentRequest { Name = "prod-weekly-freezes" }));
    }
}
