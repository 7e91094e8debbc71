using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.Extensions.Logging;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>
/// Learns the site once per connector: checks the credentials (GET myself, since some sites treat bad credentials as
/// anonymous), resolves the change issue type through createmeta, and the custom field ids by name through
/// /rest/api/3/field. A failed discovery is not cached, so the next call tries again.
/// </summary>
internal sealed class JiraSiteDiscovery(JiraClient client, JiraOptions options, ILogger logger) : IDisposable
{
    private const string SystemPrefix = "[System] ";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private JiraSite? _site;

    public async Task<JiraSite> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _site) is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_site is null)
            {
                var site = await DiscoverAsync(cancellationToken);
                Volatile.Write(ref _site, site);
            }

            return _site!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<JiraSite> DiscoverAsync(CancellationToken cancellationToken)
    {
        await client.SendAsync(new RestRequest("rest/api/3/myself"), "GET myself", cancellationToken);
        var issueTypeId = await IssueTypeIdAsync(cancellationToken);
        var fields = await client.SendAsync(new RestRequest("rest/api/3/field"), "GET field", cancellationToken) as JsonArray ?? [];
        var names = options.Fields;
        string? Find(string name) => fields
            .Where(f => f?["custom"]?.GetValue<bool>() == true && string.Equals(f["name"]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase))
            .Select(f => f!["id"]!.GetValue<string>())
            .FirstOrDefault();

        var changeType = Find(names.ChangeType) ?? throw new ServiceDeskException(JiraServiceDesk.DisplayName,
            $"Jira has no custom field named '{names.ChangeType}' ({JiraOptions.Section}:Fields:ChangeType)", isTransient: false);
        var site = new JiraSite(
            issueTypeId,
            changeType,
            Find(names.ChangeRisk),
            Find(names.Impact),
            Find(names.PlannedStart),
            Find(names.PlannedEnd),
            Find(names.ImplementationPlan),
            Find(names.BackoutPlan),
            Find(names.TestPlan),
            Find(names.AffectedServers));
        foreach (var (key, name) in names.All().Where(f => Find(f.Name) is null))
        {
            JiraLog.FieldMissing(logger, name, key);
        }

        JiraLog.SiteDiscovered(logger, options.ProjectKey, issueTypeId, changeType);
        return site;
    }

    private async Task<string> IssueTypeIdAsync(CancellationToken cancellationToken)
    {
        var request = new RestRequest($"rest/api/3/issue/createmeta/{options.ProjectKey}/issuetypes").AddQueryParameter("maxResults", "200");
        var types = (await client.SendAsync(request, "GET createmeta issuetypes", cancellationToken))?["issueTypes"] as JsonArray ?? [];
        var wanted = options.ChangeIssueTypeName.Trim();
        var match = Named(types, wanted) ?? (wanted.StartsWith(SystemPrefix, StringComparison.Ordinal) ? null : Named(types, SystemPrefix + wanted));
        return match ?? throw new ServiceDeskException(JiraServiceDesk.DisplayName,
            $"Jira project {options.ProjectKey} has no issue type named '{wanted}' that this account may create ({JiraOptions.Section}:ChangeIssueTypeName)", isTransient: false);
    }

    private static string? Named(JsonArray types, string name) =>
        types.FirstOrDefault(t => string.Equals(t?["name"]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase))?["id"]?.GetValue<string>();
}
