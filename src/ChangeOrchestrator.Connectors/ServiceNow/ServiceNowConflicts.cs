using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests.Conflicts;
using RestSharp;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>
/// Conflict detection through the Table API, as ServiceNow's own does it: the CIs of our servers, the open changes
/// whose affected CIs (<c>task_ci</c>) or primary CI include one of them and whose planned dates overlap the window,
/// and the spans of blackout and maintenance schedules (<c>cmn_schedule</c>, <c>cmn_schedule_span</c>) in it.
/// A blackout schedule holds for every server: the base system applies it unless a condition narrows it, which is
/// not read here.
/// </summary>
internal sealed class ServiceNowConflicts(ServiceNowClient client)
{
    public async Task<IReadOnlyList<ChangeConflict>> FindAsync(ConflictQuery query, CancellationToken cancellationToken)
    {
        var conflicts = new List<ChangeConflict>();
        var cis = await ServiceNowCmdb.FindServersAsync(client, query.Servers, cancellationToken);
        if (cis.Count > 0)
        {
            conflicts.AddRange(await OverlappingChangesAsync(query, cis, cancellationToken));
        }

        conflicts.AddRange(await SchedulesAsync(query, cancellationToken));
        return [.. conflicts.OrderBy(c => c.Start).ThenBy(c => c.Reference, StringComparer.Ordinal)];
    }

    private async Task<List<ChangeConflict>> OverlappingChangesAsync(ConflictQuery query, Dictionary<string, string> cis, CancellationToken cancellationToken)
    {
        var serversOfCi = cis.GroupBy(p => p.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToList(), StringComparer.Ordinal);

        // The CIs each task lists as affected; a change's own cmdb_ci counts as well.
        var cisOfTask = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var chunk in serversOfCi.Keys.Chunk(ServiceNowCmdb.Chunk))
        {
            var request = new RestRequest("api/now/table/task_ci")
                .AddQueryParameter("sysparm_query", "ci_itemIN" + string.Join(',', chunk))
                .AddQueryParameter("sysparm_fields", "task,ci_item")
                .AddQueryParameter("sysparm_exclude_reference_link", "true");
            foreach (var row in (await client.SendAsync(request, "GET task_ci", cancellationToken) as JsonArray ?? []).OfType<JsonNode>())
            {
                var task = ServiceNowJson.Value(row, "task");
                if (task.Length > 0)
                {
                    (cisOfTask.TryGetValue(task, out var set) ? set : cisOfTask[task] = new HashSet<string>(StringComparer.Ordinal)).Add(ServiceNowJson.Value(row, "ci_item"));
                }
            }
        }

        var overlap = $"^active=true^start_date<{ServiceNowJson.FormatDateTime(query.End)}^end_date>{ServiceNowJson.FormatDateTime(query.Start)}"
            + (query.CorrelationId is { Length: > 0 } own ? $"^correlation_id!={own}" : "")
            + (query.Number is { Length: > 0 } number ? $"^number!={number}" : "")
            + "^ORDERBYstart_date";
        var changes = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var taskIds = cisOfTask.Keys.ToList();
        var ciIds = serversOfCi.Keys.ToList();
        for (var i = 0; i < Math.Max(taskIds.Count, ciIds.Count); i += ServiceNowCmdb.Chunk)
        {
            var tasks = taskIds.Skip(i).Take(ServiceNowCmdb.Chunk).ToList();
            var primary = ciIds.Skip(i).Take(ServiceNowCmdb.Chunk).ToList();
            var which = string.Join("^OR", new[]
            {
                tasks.Count > 0 ? "sys_idIN" + string.Join(',', tasks) : null,
                primary.Count > 0 ? "cmdb_ciIN" + string.Join(',', primary) : null,
            }.OfType<string>());
            var request = new RestRequest("api/now/table/change_request")
                .AddQueryParameter("sysparm_query", which + overlap)
                .AddQueryParameter("sysparm_fields", "sys_id,number,short_description,start_date,end_date,cmdb_ci,correlation_id")
                .AddQueryParameter("sysparm_exclude_reference_link", "true");
            foreach (var row in (await client.SendAsync(request, "GET change_request", cancellationToken) as JsonArray ?? []).OfType<JsonNode>())
            {
                changes[ServiceNowJson.Value(row, "sys_id")] = row;
            }
        }

        var conflicts = new List<ChangeConflict>();
        foreach (var (sysId, change) in changes)
        {
            // The query already asked for these; checking again keeps an instance that ignores a term from widening the answer.
            if (ServiceNowJson.ParseDateTime(ServiceNowJson.Value(change, "start_date")) is not { } start
                || ServiceNowJson.ParseDateTime(ServiceNowJson.Value(change, "end_date")) is not { } end
                || !(start < query.End && query.Start < end)
                || (query.CorrelationId is { Length: > 0 } correlationId && ServiceNowJson.Value(change, "correlation_id") == correlationId)
                || (query.Number is { Length: > 0 } ownNumber && string.Equals(ServiceNowJson.Value(change, "number"), ownNumber, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var affected = cisOfTask.GetValueOrDefault(sysId) ?? [];
            affected.Add(ServiceNowJson.Value(change, "cmdb_ci"));
            conflicts.Add(new ChangeConflict
            {
                Kind = ConflictKind.Change,
                Reference = ServiceNowJson.Value(change, "number"),
                Title = ServiceNowJson.Value(change, "short_description"),
                Start = start,
                End = end,
                Servers = [.. affected.Where(serversOfCi.ContainsKey).SelectMany(ci => serversOfCi[ci]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            });
        }

        return conflicts;
    }

    private async Task<List<ChangeConflict>> SchedulesAsync(ConflictQuery query, CancellationToken cancellationToken)
    {
        var schedulesRequest = new RestRequest("api/now/table/cmn_schedule")
            .AddQueryParameter("sysparm_query", "typeINblackout,maintenance")
            .AddQueryParameter("sysparm_fields", "sys_id,name,type,time_zone")
            .AddQueryParameter("sysparm_exclude_reference_link", "true");
        var schedules = (await client.SendAsync(schedulesRequest, "GET cmn_schedule", cancellationToken) as JsonArray ?? [])
            .OfType<JsonNode>()
            .ToDictionary(s => ServiceNowJson.Value(s, "sys_id"), StringComparer.Ordinal);
        var conflicts = new List<ChangeConflict>();
        foreach (var chunk in schedules.Keys.Chunk(ServiceNowCmdb.Chunk))
        {
            var spansRequest = new RestRequest("api/now/table/cmn_schedule_span")
                .AddQueryParameter("sysparm_query", "scheduleIN" + string.Join(',', chunk))
                .AddQueryParameter("sysparm_fields", "schedule,name,start_date_time,end_date_time,repeat_type")
                .AddQueryParameter("sysparm_exclude_reference_link", "true");
            foreach (var span in (await client.SendAsync(spansRequest, "GET cmn_schedule_span", cancellationToken) as JsonArray ?? []).OfType<JsonNode>())
            {
                if (!schedules.TryGetValue(ServiceNowJson.Value(span, "schedule"), out var schedule))
                {
                    continue;
                }

                var name = ServiceNowJson.Value(schedule, "name");
                var kind = ServiceNowJson.Value(schedule, "type") == "blackout" ? ConflictKind.Blackout : ConflictKind.Maintenance;
                foreach (var (start, end) in ServiceNowScheduleSpans.Overlapping(span, name, ServiceNowJson.Value(schedule, "time_zone"), query.Start, query.End))
                {
                    conflicts.Add(new ChangeConflict { Kind = kind, Reference = name, Title = ServiceNowJson.Value(span, "name"), Start = start, End = end });
                }
            }
        }

        return conflicts;
    }
}
