using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

internal static class CalendarDocumentJson
{
    public const string Type = "ChangeCalendar";
    public const string Format = "TEXT";

    /// <summary>The DocumentDescription of CreateDocument and UpdateDocument for one version.</summary>
    public static JsonObject Description(AwsWorld world, CalendarDocument document, int version) => new()
    {
        ["Name"] = document.Name,
        ["DocumentType"] = Type,
        ["DocumentFormat"] = Format,
        ["DocumentVersion"] = Text(version),
        ["LatestVersion"] = Text(document.LatestVersion),
        ["DefaultVersion"] = Text(document.DefaultVersion),
        ["Status"] = "Active",
        ["Owner"] = world.Options.AccountId,
        ["CreatedDate"] = SsmJson.Epoch(document.CreatedDate),
        ["Hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Versions[version - 1]))),
        ["HashType"] = "Sha256",
        ["SchemaVersion"] = "2.0",
        ["Tags"] = new JsonArray([.. world.ResourceTags.For("Document", document.Name).Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]),
    };

    public static string Text(int version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The document a request names, or InvalidDocument as the service answers for an unknown one.</summary>
    public static CalendarDocument Find(AwsWorld world, string name) =>
        world.Calendars.Document(name) ?? throw new SsmServiceException("InvalidDocument", $"Document with name {name} does not exist.");

    /// <summary>The content of a document with the size limit and the calendar format checked.</summary>
    public static string Content(SsmInput input)
    {
        var content = input.RequiredString("Content");
        if (content.Length == 0)
        {
            throw SsmErrors.Validation("content", "Member must have length greater than or equal to 1", content);
        }

        if (Encoding.UTF8.GetByteCount(content) > 64 * 1024)
        {
            throw new SsmServiceException("MaxDocumentSizeExceeded", "The document content exceeds the maximum size of 64 KB.");
        }

        if (input.String("DocumentFormat") is { } format && format != Format)
        {
            throw new SsmServiceException("InvalidDocumentContent", $"A ChangeCalendar document's format is TEXT, not {format}.");
        }

        return content;
    }
}
