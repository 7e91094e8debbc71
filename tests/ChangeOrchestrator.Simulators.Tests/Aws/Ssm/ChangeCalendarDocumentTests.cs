using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

/// <summary>ChangeCalendar documents through the AWS SDK: CreateDocument, UpdateDocument, versions, GetDocument, ListDocuments, DeleteDocument.</summary>
public sealed class ChangeCalendarDocumentTests
{
    private const string Freeze = "BEGIN:VCALENDAR\r\nPRODID:-//test//EN\r\nVERSION:2.0\r\nX-CALENDAR-TYPE:DEFAULT_OPEN\r\n"
        + "BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Year-end freeze\r\nDTSTART:20251220T000000Z\r\nDTEND:20260102T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    [Fact]
    public async Task CreateDocument_ChangeCalendarWithAFreeze_IsClosedDuringItAndListedWithItsTags()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();

        var created = await ssm.CreateDocumentAsync(Create("prod-freezes", Freeze));
        var inside = await ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["prod-freezes"], AtTime = "2025-12-24T09:00:00Z" });
        var listed = await ssm.ListDocumentsAsync(new ListDocumentsRequest
        {
            Filters = [new DocumentKeyValuesFilter { Key = "DocumentType", Values = ["ChangeCalendar"] }, new DocumentKeyValuesFilter { Key = "Owner", Values = ["Self"] }],
        });
        var document = await ssm.GetDocumentAsync(new GetDocumentRequest { Name = "prod-freezes" });

        Assert.Equal(("1", "ChangeCalendar", "TEXT"), (created.DocumentDescription.DocumentVersion, created.DocumentDescription.DocumentType.Value, created.DocumentDescription.DocumentFormat.Value));
        Assert.Equal("CLOSED", inside.State.Value);
        Assert.Equal("2026-01-02T00:00:00Z", inside.NextTransitionTime);
        Assert.Contains(listed.DocumentIdentifiers, d => d.Name == "prod-freezes" && d.Tags.Any(t => t.Key == "managed-by"));
        Assert.Equal(Freeze, document.Content);
    }

    [Fact]
    public async Task UpdateDocument_NewVersion_CountsOnlyOnceMadeTheDefault()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        await ssm.CreateDocumentAsync(Create("prod-freezes", Freeze));
        var moved = Freeze.Replace("20251220T000000Z", "20251227T000000Z", StringComparison.Ordinal);

        var updated = await ssm.UpdateDocumentAsync(new UpdateDocumentRequest { Name = "prod-freezes", Content = moved, DocumentVersion = "$LATEST", DocumentFormat = DocumentFormat.TEXT });
        var beforeDefault = await ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["prod-freezes"], AtTime = "2025-12-24T09:00:00Z" });
        await ssm.UpdateDocumentDefaultVersionAsync(new UpdateDocumentDefaultVersionRequest { Name = "prod-freezes", DocumentVersion = updated.DocumentDescription.DocumentVersion });
        var afterDefault = await ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["prod-freezes"], AtTime = "2025-12-24T09:00:00Z" });
        var first = await ssm.GetDocumentAsync(new GetDocumentRequest { Name = "prod-freezes", DocumentVersion = "1" });

        Assert.Equal(("2", "1"), (updated.DocumentDescription.DocumentVersion, updated.DocumentDescription.DefaultVersion));
        Assert.Equal("CLOSED", beforeDefault.State.Value);
        Assert.Equal("OPEN", afterDefault.State.Value);
        Assert.Equal(Freeze, first.Content);
    }

    [Fact]
    public async Task CreateAndUpdateDocument_ContentSsmRefuses_ThrowTheServiceErrors()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        await ssm.CreateDocumentAsync(Create("prod-freezes", Freeze));

        await Assert.ThrowsAsync<InvalidDocumentContentException>(() => ssm.CreateDocumentAsync(Create("bad-calendar", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR")));
        await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => ssm.CreateDocumentAsync(Create("prod-freezes", Freeze)));
        await Assert.ThrowsAsync<DuplicateDocumentContentException>(() => ssm.UpdateDocumentAsync(new UpdateDocumentRequest { Name = "prod-freezes", Content = Freeze, DocumentVersion = "$LATEST" }));
        await Assert.ThrowsAsync<InvalidDocumentVersionException>(() => ssm.UpdateDocumentDefaultVersionAsync(new UpdateDocumentDefaultVersionRequest { Name = "prod-freezes", DocumentVersion = "7" }));
        var badName = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.CreateDocumentAsync(Create("AWS-MyCalendar", Freeze)));
        Assert.Equal("ValidationException", badName.ErrorCode);
        await Assert.ThrowsAsync<InvalidDocumentException>(() => ssm.GetDocumentAsync(new GetDocumentRequest { Name = "no-such-document" }));
        await Assert.ThrowsAsync<InvalidDocumentTypeException>(() => ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["AWS-RunPatchBaseline"] }));
    }

    [Fact]
    public async Task DeleteDocument_Calendar_IsGoneWithItsTags()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var ssm = host.Ssm();
        await ssm.CreateDocumentAsync(Create("prod-freezes", Freeze));

        await ssm.DeleteDocumentAsync(new DeleteDocumentRequest { Name = "prod-freezes" });

        await Assert.ThrowsAsync<InvalidDocumentException>(() => ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["prod-freezes"] }));
        await Assert.ThrowsAsync<InvalidResourceIdException>(() => ssm.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceType = ResourceTypeForTagging.Document, ResourceId = "prod-freezes" }));
    }

    private static CreateDocumentRequest Create(string name, string content) => new()
    {
        Name = name,
        Content = content,
        DocumentType = DocumentType.ChangeCalendar,
        DocumentFormat = DocumentFormat.TEXT,
        Tags = [new Tag { Key = "managed-by", Value = "changeorchestrator" }],
    };
}
