using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>
/// UpdateDocument: adds a version (the default version stays until UpdateDocumentDefaultVersion); the version it
/// is based on must be the latest, and content equal to the latest is DuplicateDocumentContent.
/// </summary>
internal sealed class UpdateDocumentOperation : ISsmOperation
{
    private const int MaxVersions = 1000;

    public string Name => "UpdateDocument";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var document = CalendarDocumentJson.Find(world, input.RequiredString("Name"));
        var content = CalendarDocumentJson.Content(input);
        if (input.String("DocumentVersion") is { } basis && document.Index(basis) != document.LatestVersion - 1)
        {
            throw new SsmServiceException("InvalidDocumentVersion", $"Document version {basis} is not the latest version ({document.LatestVersion}) of {document.Name}.");
        }

        if (document.Versions[^1] == content)
        {
            throw new SsmServiceException("DuplicateDocumentContent", "The content of the association document matches another document. Change the content of the document and try again.");
        }

        if (document.LatestVersion >= MaxVersions)
        {
            throw new SsmServiceException("DocumentVersionLimitExceeded", $"Document {document.Name} already has {MaxVersions} versions.");
        }

        ICalendarContent.Parse(document.Name, content);
        document.Versions.Add(content);
        return new JsonObject { ["DocumentDescription"] = CalendarDocumentJson.Description(world, document, document.LatestVersion) };
    }
}
