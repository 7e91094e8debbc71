using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests.Conflicts;
using RestSharp;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>
/// Finds our servers among the CMDB's <c>cmdb_ci_server</c> records: by object_id (the instance id, as the AWS
/// Service Graph Connector writes it) first, then by name (the server's name, or its instance id where the CMDB names
/// cloud servers so).
/// </summary>
internal static class ServiceNowCmdb
{
    public const string ServerTable = "api/now/table/cmdb_ci_server";

    /// <summary>Ids per query, so a large fleet never makes a URL longer than the instance accepts.</summary>
    public const int Chunk = 100;

    /// <summary>The CI sys_id of each server found, by instance id.</summary>
    public static async Task<Dictionary<string, string>> FindServersAsync(ServiceNowClient client, IReadOnlyList<AffectedServer> servers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in servers.Chunk(Chunk))
        {
            var ids = chunk.Select(s => s.InstanceId).Where(Listable).ToList();
            var names = ids.Concat(chunk.Select(s => s.Name).OfType<string>().Where(Listable)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (ids.Count == 0 && names.Count == 0)
            {
                continue;
            }

            var request = new RestRequest(ServerTable)
                .AddQueryParameter("sysparm_query", $"object_idIN{string.Join(',', ids)}^ORnameIN{string.Join(',', names)}")
                .AddQueryParameter("sysparm_fields", "sys_id,name,object_id")
                .AddQueryParameter("sysparm_exclude_reference_link", "true");
            var rows = (await client.SendAsync(request, "GET cmdb_ci_server", cancellationToken) as JsonArray ?? []).OfType<JsonNode>().ToList();
            foreach (var server in chunk)
            {
                var match = rows.FirstOrDefault(r => Is(r, "object_id", server.InstanceId))
                    ?? rows.FirstOrDefault(r => server.Name is { Length: > 0 } name && Is(r, "name", name))
                    ?? rows.FirstOrDefault(r => Is(r, "name", server.InstanceId));
                if (match is not null)
                {
                    found[server.InstanceId] = ServiceNowJson.Value(match, "sys_id");
                }
            }
        }

        return found;
    }

    /// <summary>Values an IN list can carry: a comma or caret would split the encoded query.</summary>
    private static bool Listable(string value) => value.Length > 0 && value.IndexOfAny([',', '^']) < 0;

    private static bool Is(JsonNode row, string field, string value) =>
        string.Equals(ServiceNowJson.Value(row, field), value, StringComparison.OrdinalIgnoreCase);
}
