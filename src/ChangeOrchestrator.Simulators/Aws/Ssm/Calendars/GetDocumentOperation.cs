using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>GetDocument for ChangeCalendar documents: the default version's content unless a version is named.</summary>
internal sealed class GetDocumentOperation : ISsmOperation
{
    public string Name => "GetDocument";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var document = CalendarDocumentJson.Find(world, input.RequiredString("Name"));
        var index = document.Index(input.String("DocumentVersion"));
        return new JsonObject
        {
            ["Name"] = document.Name,
            ["CreatedDate"] = SsmJson.Epoch(document.CreatedDate),
            ["DocumentVersion"] = CalendarDocumentJson.Text(index + 1),
            ["Status"] = "Active",
            ["Content"] = document.Versions[index],
            ["DocumentType"] = CalendarDocumentJson.Type,
            ["DocumentFormat"] = CalendarDocumentJson.Format,
        };
    }
}
