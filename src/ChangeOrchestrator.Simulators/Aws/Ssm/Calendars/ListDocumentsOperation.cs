using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>
/// ListDocuments over the account's ChangeCalendar documents, with the Filters keys DocumentType, Owner (Self)
/// and Name; the built-in command documents are not listed.
/// </summary>
internal sealed class ListDocumentsOperation : ISsmOperation
{
    public string Name => "ListDocuments";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        IEnumerable<CalendarDocument> documents = world.Calendars.Documents;
        foreach (var filter in input.Objects("Filters"))
        {
            var key = filter.RequiredString("Key");
            var values = filter.Strings("Values");
            documents = key switch
            {
                "DocumentType" => values.Contains(CalendarDocumentJson.Type) ? documents : [],
                "Owner" => values.Any(v => v is "Self" or "Private") || values.Contains(world.Options.AccountId) ? documents : [],
                "Name" => documents.Where(d => values.Any(v => d.Name.StartsWith(v, StringComparison.Ordinal))),
                "DocumentFormat" or "PlatformTypes" or "SchemaVersion" or "TargetType" or "SearchKeyword" => documents,
                _ when key.StartsWith("tag:", StringComparison.Ordinal) => documents.Where(d =>
                    world.ResourceTags.For("Document", d.Name).TryGetValue(key[4..], out var tag) && (values.Count == 0 || values.Contains(tag))),
                _ => throw SsmErrors.Validation("filters.member.key", "Member must be one of DocumentType, Owner, Name, tag:<key>, ...", key),
            };
        }

        var page = SsmPaging.Page(input, world, [.. documents], 1, 50, 50);
        var result = new JsonObject
        {
            ["DocumentIdentifiers"] = new JsonArray([.. page.Items.Select(d => (JsonNode)new JsonObject
            {
                ["Name"] = d.Name,
                ["CreatedDate"] = SsmJson.Epoch(d.CreatedDate),
                ["Owner"] = world.Options.AccountId,
                ["DocumentVersion"] = CalendarDocumentJson.Text(d.DefaultVersion),
                ["DocumentType"] = CalendarDocumentJson.Type,
                ["DocumentFormat"] = CalendarDocumentJson.Format,
                ["SchemaVersion"] = "2.0",
                ["Tags"] = new JsonArray([.. world.ResourceTags.For("Document", d.Name).Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]),
            })]),
        };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }
}
