using System.Globalization;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Results;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Web.Changes;

/// <summary>
/// Reads the change request an instance raised from its step outputs: the raising step's <c>number</c> and
/// <c>desk</c>, the assessment's risk, the latest desk state any change step reported, and the close outcome.
/// </summary>
public sealed class ChangeSummaries(IOptions<ConsoleOptions> options)
{
    public ChangeSummary? Of(WorkflowInstance instance)
    {
        var raised = instance.Steps.Select(s => s.Value).OfType<JsonObject>()
            .FirstOrDefault(o => o["number"] is JsonValue && o["desk"] is JsonValue && o["key"] is JsonValue);
        if (raised is null)
        {
            return null;
        }

        var desk = Text(raised["desk"]) ?? "servicenow";
        var number = Text(raised["number"])!;
        var latest = instance.Steps.Select(s => s.Value).OfType<JsonObject>().LastOrDefault(o => o["deskState"] is JsonValue);
        var closed = instance.Steps.Select(s => s.Value).OfType<JsonObject>().FirstOrDefault(o => o["outcome"] is JsonValue && o["evidenceFiles"] is not null);
        var outcome = Text(closed?["outcome"]);
        var assessment = instance.Steps.Select(s => s.Value).OfType<JsonObject>().FirstOrDefault(o => o["risk"] is JsonValue && o["changeType"] is JsonValue);
        var servers = ResultReference.CountOf(instance.Variables["patchIds"]) ?? ResultReference.CountOf(instance.Steps["targets"]?["instanceIds"]);
        return new ChangeSummary
        {
            InstanceId = instance.Id,
            Desk = desk,
            Number = number,
            State = Text(latest?["deskState"]) ?? Text(raised["deskState"]) ?? "?",
            Risk = Text(assessment?["risk"]),
            ChangeType = Text(assessment?["changeType"]),
            WindowStart = Instant(instance.Input["windowStart"]),
            WindowEnd = Instant(instance.Input["windowEnd"]),
            Servers = servers,
            Outcome = outcome,
            CloseCode = outcome is null ? null : CloseCode(desk, outcome),
            DeskLink = DeskLink(desk, number),
            RaisedAt = instance.CreatedAt,
            Finished = instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled,
        };
    }

    /// <summary>The change in its desk: the record's page, or in the sandbox the simulated Table API record.</summary>
    public Uri? DeskLink(string desk, string number)
    {
        if (!options.Value.DeskUrls.TryGetValue(desk, out var baseUrl))
        {
            return null;
        }

        var root = baseUrl.ToString().TrimEnd('/');
        return desk.ToLowerInvariant() switch
        {
            "jira" => new Uri($"{root}/browse/{Uri.EscapeDataString(number)}"),
            _ when options.Value.Sandbox => new Uri($"{root}/api/now/table/change_request?sysparm_query=number={Uri.EscapeDataString(number)}"),
            _ => new Uri($"{root}/change_request.do?sysparm_query=number={Uri.EscapeDataString(number)}"),
        };
    }

    /// <summary>The desk's close code for an outcome: ServiceNow's <c>close_code</c> values; Jira's resolution names.</summary>
    private static string CloseCode(string desk, string outcome) => (desk.ToLowerInvariant(), outcome.ToLowerInvariant()) switch
    {
        ("jira", "unsuccessful") => "Failed",
        ("jira", _) => "Done",
        (_, "successful") => "successful",
        (_, "successfulwithissues") => "successful_issues",
        _ => "unsuccessful",
    };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    private static DateTimeOffset? Instant(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
