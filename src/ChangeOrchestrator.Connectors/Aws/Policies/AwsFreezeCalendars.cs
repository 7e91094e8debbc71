using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Policies.Planning;

namespace ChangeOrchestrator.Connectors.Aws.Policies;

/// <summary>
/// The freezes of the policy's maintenance windows as SSM ChangeCalendar documents: listed and read back, created,
/// updated (a new version made the default, so GetCalendarState reads it) and deleted. CreateDocument takes no
/// client token, so a create retried after a lost answer finds the document it made and takes it as done.
/// </summary>
internal sealed class AwsFreezeCalendars(AwsClients clients, AwsCalls calls)
{
    public async Task<List<DeployedCalendar>> ReadAsync(Func<string, Task<Dictionary<string, string>>> tags, CancellationToken cancellationToken)
    {
        var names = await calls.RunAsync<List<string>>("SSM ListDocuments", async token =>
        {
            var found = new List<string>();
            var request = new ListDocumentsRequest
            {
                MaxResults = 50,
                Filters = [new DocumentKeyValuesFilter { Key = "DocumentType", Values = ["ChangeCalendar"] }, new DocumentKeyValuesFilter { Key = "Owner", Values = ["Self"] }],
            };
            await foreach (var document in clients.Ssm.Paginators.ListDocuments(request).DocumentIdentifiers.WithCancellation(token))
            {
                found.Add(document.Name);
            }

            return found;
        }, cancellationToken);

        var calendars = new List<DeployedCalendar>();
        foreach (var name in names)
        {
            var documentTags = await tags(name);
            var managed = documentTags.GetValueOrDefault(PolicyTags.ManagedBy) == PolicyTags.ManagedByValue;
            var calendar = managed
                ? FreezeCalendarContent.Parse(name, await ContentAsync(name, cancellationToken))
                : new FreezeCalendar(name, name, DefaultOpen: true, []);
            calendars.Add(new DeployedCalendar(name, managed, documentTags.GetValueOrDefault(PolicyTags.AppliedHash), calendar));
        }

        return calendars;
    }

    public async Task ApplyAsync(PlannedChange change, List<Tag> tags, Func<Task> tag, CancellationToken cancellationToken)
    {
        switch (change.Action)
        {
            case PlanAction.Create:
                var content = FreezeCalendarContent.Render(change.Calendar!);
                try
                {
                    await calls.RunAsync("SSM CreateDocument", token => clients.Ssm.CreateDocumentAsync(new CreateDocumentRequest
                    {
                        Name = change.Name,
                        DocumentType = DocumentType.ChangeCalendar,
                        DocumentFormat = DocumentFormat.TEXT,
                        Content = content,
                        Tags = tags,
                    }, token), cancellationToken);
                }
                catch (FleetException error) when (error.ErrorCode == "DocumentAlreadyExists")
                {
                    // An earlier try created it before its answer was lost (the tags may not have been written);
                    // a document with other content is someone else's.
                    if (await ContentAsync(change.Name, cancellationToken) != content)
                    {
                        throw;
                    }

                    await tag();
                }

                break;
            case PlanAction.Update:
                var updated = await calls.RunAsync("SSM UpdateDocument", token => clients.Ssm.UpdateDocumentAsync(new UpdateDocumentRequest
                {
                    Name = change.Name,
                    DocumentFormat = DocumentFormat.TEXT,
                    DocumentVersion = "$LATEST",
                    Content = FreezeCalendarContent.Render(change.Calendar!),
                }, token), cancellationToken);
                await calls.RunAsync("SSM UpdateDocumentDefaultVersion", token => clients.Ssm.UpdateDocumentDefaultVersionAsync(new UpdateDocumentDefaultVersionRequest
                {
                    Name = change.Name,
                    DocumentVersion = updated.DocumentDescription.DocumentVersion,
                }, token), cancellationToken);
                await tag();
                break;
            case PlanAction.Delete:
                await calls.RunAsync("SSM DeleteDocument", token => clients.Ssm.DeleteDocumentAsync(new DeleteDocumentRequest { Name = change.Name }, token), cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"No SSM write for {change.Summary}.");
        }
    }

    private async Task<string> ContentAsync(string name, CancellationToken cancellationToken) =>
        (await calls.RunAsync("SSM GetDocument", token => clients.Ssm.GetDocumentAsync(new GetDocumentRequest { Name = name }, token), cancellationToken)).Content ?? "";
}
