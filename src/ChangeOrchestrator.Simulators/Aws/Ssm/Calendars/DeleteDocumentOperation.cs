using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>DeleteDocument: the calendar, every version and its tags.</summary>
internal sealed class DeleteDocumentOperation : ISsmOperation
{
    public string Name => "DeleteDocument";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var document = CalendarDocumentJson.Find(world, input.RequiredString("Name"));
        world.Calendars.Remove(document.Name);
        world.ResourceTags.Remove("Document", document.Name);
        return [];
    }
}
