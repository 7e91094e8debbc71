using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Simulators.Aws.Ssm.Documents;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>
/// CreateDocument for ChangeCalendar documents (iCalendar content, format TEXT); the simulator runs only the
/// built-in command documents, so other document types are refused.
/// </summary>
internal sealed partial class CreateDocumentOperation : ISsmOperation
{
    public string Name => "CreateDocument";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var name = input.RequiredString("Name");
        if (!NamePattern().IsMatch(name))
        {
            throw SsmErrors.Validation("name", "Member must satisfy regular expression pattern: ^[a-zA-Z0-9_\\-.]{3,128}$", name);
        }

        if (name.StartsWith("aws", StringComparison.OrdinalIgnoreCase) || name.StartsWith("amazon", StringComparison.OrdinalIgnoreCase))
        {
            throw SsmErrors.Validation("name", "Document names cannot begin with aws, amazon or amzn", name);
        }

        var type = input.String("DocumentType") ?? "Command";
        if (type != CalendarDocumentJson.Type)
        {
            throw new SsmServiceException("InvalidDocumentContent", $"Only ChangeCalendar documents can be created here, not {type}.");
        }

        var content = CalendarDocumentJson.Content(input);
        if (world.Calendars.Document(name) is not null || SsmDocuments.Find(name) is not null)
        {
            throw new SsmServiceException("DocumentAlreadyExists", "Document with same name already exists.");
        }

        var document = world.Calendars.Create(name, content, world.Now);
        var tags = world.ResourceTags.For("Document", name);
        foreach (var tag in input.Objects("Tags"))
        {
            tags[tag.RequiredString("Key")] = tag.String("Value") ?? "";
        }

        return new JsonObject { ["DocumentDescription"] = CalendarDocumentJson.Description(world, document, 1) };
    }

    [GeneratedRegex("^[a-zA-Z0-9_\\-.]{3,128}$")]
    private static partial Regex NamePattern();
}
