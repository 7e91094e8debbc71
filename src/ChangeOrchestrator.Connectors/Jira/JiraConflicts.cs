using System.Globalization;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.ChangeRequests.Conflicts;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>
/// Conflicts as the Jira change calendar shows them: Change issues of the project not yet done, whose planned start
/// and end overlap the window and whose affected servers field names one of ours, found with one JQL search per
/// batch of servers. JQL compares dates to the minute in the account's time zone, so the search asks a day either
/// side and the exact overlap is checked on the answer.
/// </summary>
internal sealed class JiraConflicts(JiraClient client, JiraOptions options)
{
    private const int ServersPerSearch = 100;
    private const int PageSize = 100;

    public async Task<IReadOnlyList<ChangeConflict>> FindAsync(ConflictQuery query, JiraSite site, CancellationToken cancellationToken)
    {
        if (site.PlannedStartField is not { } startField || site.PlannedEndField is not { } endField || site.AffectedServersField is not { } serversField)
        {
            throw new ServiceDeskException(JiraServiceDesk.DisplayName,
                $"Jira has no field named '{options.Fields.PlannedStart}', '{options.Fields.PlannedEnd}' or '{options.Fields.AffectedServers}' "
                + $"({JiraOptions.Section}:Fields:PlannedStart, PlannedEnd, AffectedServers); changes on the same servers cannot be searched", isTransient: false);
        }

        var ours = new HashSet<string>(query.Servers.Select(s => s.InstanceId), StringComparer.OrdinalIgnoreCase);
        var ownLabel = query.CorrelationId is { Length: > 0 } id ? JiraCorrelation.Label(id) : null;
        var found = new Dictionary<string, ChangeConflict>(StringComparer.Ordinal);
        foreach (var chunk in query.Servers.Select(s => s.InstanceId).Where(JiraLabels.IsValid).Distinct(StringComparer.OrdinalIgnoreCase).Chunk(ServersPerSearch))
        {
            var jql = $"project = \"{options.ProjectKey}\" AND issuetype = {site.IssueTypeId} AND statusCategory != Done"
                + $" AND {Clause(startField)} < \"{Minute(query.End.AddDays(1))}\" AND {Clause(endField)} > \"{Minute(query.Start.AddDays(-1))}\""
                + $" AND {Clause(serversField)} in ({string.Join(", ", chunk.Select(s => $"\"{s}\""))}) ORDER BY key ASC";
            string? token = null;
            do
            {
                var body = new JsonObject
                {
                    ["jql"] = jql,
                    ["fields"] = new JsonArray("summary", "labels", startField, endField, serversField),
                    ["maxResults"] = PageSize,
                };
                if (token is not null)
                {
                    body["nextPageToken"] = token;
                }

                var page = await client.SendJsonAsync(new RestRequest("rest/api/3/search/jql", Method.Post), body, "POST search/jql", cancellationToken);
                foreach (var issue in (page?["issues"] as JsonArray ?? []).OfType<JsonNode>())
                {
                    if (Conflict(issue, query, ours, ownLabel, startField, endField, serversField) is { } conflict)
                    {
                        found[conflict.Reference] = conflict;
                    }
                }

                token = page?["isLast"]?.GetValue<bool>() == false ? page["nextPageToken"]?.GetValue<string>() : null;
            }
            while (token is not null);
        }

        return [.. found.Values.OrderBy(c => c.Start).ThenBy(c => c.Reference, StringComparer.Ordinal)];
    }

    private static ChangeConflict? Conflict(JsonNode issue, ConflictQuery query, HashSet<string> ours, string? ownLabel, string startField, string endField, string serversField)
    {
        var key = issue["key"]?.GetValue<string>() ?? "";
        var fields = issue["fields"];
        var labels = Strings(fields?["labels"]);
        if (string.Equals(key, query.Number, StringComparison.OrdinalIgnoreCase) || (ownLabel is not null && labels.Contains(ownLabel, StringComparer.Ordinal)))
        {
            return null;
        }

        if (JiraDates.Parse(fields?[startField]) is not { } start || JiraDates.Parse(fields?[endField]) is not { } end || !(start < query.End && query.Start < end))
        {
            return null;
        }

        var servers = Strings(fields?[serversField]).Where(ours.Contains).Order(StringComparer.Ordinal).ToList();
        return servers.Count == 0 ? null : new ChangeConflict
        {
            Kind = ConflictKind.Change,
            Reference = key,
            Title = fields?["summary"]?.GetValue<string>() ?? "",
            Start = start,
            End = end,
            Servers = servers,
        };
    }

    /// <summary>cf[10008] for customfield_10008: the clause name every site accepts whatever the field is called.</summary>
    public static string Clause(string fieldId) =>
        fieldId.StartsWith("customfield_", StringComparison.Ordinal) ? $"cf[{fieldId["customfield_".Length..]}]" : fieldId;

    private static string Minute(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList();
}
