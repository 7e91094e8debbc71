using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>UpdateDocumentDefaultVersion: the version GetCalendarState (and GetDocument without a version) reads from now on.</summary>
internal sealed class UpdateDocumentDefaultVersionOperation : ISsmOperation
{
    public string Name => "UpdateDocumentDefaultVersion";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var document = CalendarDocumentJson.Find(world, input.RequiredString("Name"));
        var index = document.Index(input.RequiredString("DocumentVersion"));
        document.DefaultVersion = index + 1;
        document.Calendar = ICalendarContent.Parse(document.Name, document.Versions[index]);
        return new JsonObject
        {
            ["Description"] = new JsonObject { ["Name"] = document.Name, ["DefaultVersion"] = CalendarDocumentJson.Text(document.DefaultVersion) },
        };
    }
}
