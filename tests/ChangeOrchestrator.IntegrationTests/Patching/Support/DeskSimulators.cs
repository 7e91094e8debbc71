using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Simulators;

namespace ChangeOrchestrator.IntegrationTests.Patching.Support;

/// <summary>
/// The simulated ServiceNow instance and Jira site as people and administrators see them: records read through the
/// Table API and REST API, approvals decided on the approval page or the control API, request counters.
/// </summary>
public sealed partial class DeskSimulators : IDisposable
{
    public const string ServiceNowPassword = "admin";
    public const string JiraEmail = "orchestrator@example.com";
    public const string JiraToken = "sim-orchestrator-token";

    private readonly HttpClient _serviceNow;
    private readonly HttpClient _serviceNowControl;
    private readonly HttpClient _serviceNowPages;
    private readonly HttpClient _jira;
    private readonly HttpClient _jiraControl;

    public DeskSimulators(SimulatorHost simulators)
    {
        _serviceNow = Client(simulators.Url("sim/servicenow/"), Basic("admin", ServiceNowPassword));
        _serviceNowControl = Client(simulators.Url("sim/servicenow/_control/"), null);
        _serviceNowPages = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = simulators.Url("sim/servicenow/") };
        _serviceNowPages.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        _jira = Client(simulators.Url("sim/jira/"), Basic(JiraEmail, JiraToken));
        _jiraControl = Client(simulators.Url("sim/jira/_control/"), null);
    }

    /// <summary>The change_request record with every field as { value, display_value }.</summary>
    public async Task<JsonNode> ServiceNowChangeAsync(string number)
    {
        var found = await GetJsonAsync(_serviceNow, $"api/now/table/change_request?sysparm_query=number={number}&sysparm_display_value=all");
        return Assert.Single(found["result"]!.AsArray())!;
    }

    public async Task<int> ServiceNowChangeCountAsync(string correlationId)
    {
        var found = await GetJsonAsync(_serviceNow, $"api/now/table/change_request?sysparm_query=correlation_id={correlationId}&sysparm_fields=number");
        return found["result"]!.AsArray().Count;
    }

    public static string Value(JsonNode record, string field) => record[field]!["value"]!.GetValue<string>();

    public static string Display(JsonNode record, string field) => record[field]!["display_value"]!.GetValue<string>();

    public async Task<List<string>> ServiceNowWorkNotesAsync(string sysId)
    {
        var notes = await GetJsonAsync(_serviceNow, $"api/now/table/sys_journal_field?sysparm_query=element_id={sysId}^element=work_notes&sysparm_fields=value");
        return [.. notes["result"]!.AsArray().Select(n => n!["value"]!.GetValue<string>())];
    }

    /// <summary>The states a change request moved to, oldest first, from the instance's field history (sys_audit).</summary>
    public async Task<List<string>> ServiceNowStateChangesAsync(string sysId)
    {
        var history = await GetJsonAsync(_serviceNow, $"api/now/table/sys_audit?sysparm_query=documentkey={sysId}^fieldname=state^ORDERBYsys_created_on&sysparm_fields=newvalue");
        return [.. history["result"]!.AsArray().Select(e => e!["newvalue"]!.GetValue<string>())];
    }

    /// <summary>The change's attachments by file name, with their content.</summary>
    public async Task<Dictionary<string, string>> ServiceNowAttachmentsAsync(string sysId)
    {
        var list = await GetJsonAsync(_serviceNow, $"api/now/attachment?sysparm_query=table_sys_id={sysId}");
        var attachments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attachment in list["result"]!.AsArray())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/now/attachment/{attachment!["sys_id"]!.GetValue<string>()}/file");
            request.Headers.Accept.Clear();
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
            using var file = await _serviceNow.SendAsync(request);
            var content = await file.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
            attachments.Add(attachment["file_name"]!.GetValue<string>(), content);
        }

        return attachments;
    }

    /// <summary>Requests the ServiceNow instance received, by route.</summary>
    public async Task<Dictionary<string, int>> ServiceNowRequestCountsAsync() =>
        (await GetJsonAsync(_serviceNowControl, "requests"))["counts"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());

    /// <summary>Requests the instance received on a route, e.g. "POST /api/now/table/change_request".</summary>
    public async Task<int> ServiceNowRequestsAsync(string route) =>
        (await GetJsonAsync(_serviceNowControl, "requests"))["counts"]?[route]?.GetValue<int>() ?? 0;

    /// <summary>Decides the pending approvals of the change's current stage through the control API.</summary>
    public Task ServiceNowDecideAsync(string number, bool approve, string comment) =>
        PostJsonAsync(_serviceNowControl, $"changes/{number}/{(approve ? "approve" : "reject")}", new { comment });

    /// <summary>Decides the change's first pending approval on the approval page, as an approver's browser would.</summary>
    public async Task ServiceNowApprovalPageAsync(string number, string decision, string comment)
    {
        var page = await _serviceNowPages.GetStringAsync("approve");
        var row = ApprovalRow().Matches(page).FirstOrDefault(m => m.Groups["number"].Value == number)
            ?? throw new InvalidOperationException($"{number} is not on the approval page.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision, ["comment"] = comment });
        using var answer = await _serviceNowPages.PostAsync(row.Groups["action"].Value, form);
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
    }

    /// <summary>Inserts a record through the Table API as the instance's admin (CMDB servers, affected CIs, schedules); returns its sys_id.</summary>
    public async Task<string> ServiceNowInsertAsync(string table, JsonObject fields)
    {
        using var response = await _serviceNow.PostAsJsonAsync($"api/now/table/{table}", fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {table}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["result"]!["sys_id"]!.GetValue<string>();
    }

    public async Task<JsonArray> ServiceNowRowsAsync(string table, string query, string fields) =>
        (await GetJsonAsync(_serviceNow, $"api/now/table/{table}?sysparm_query={Uri.EscapeDataString(query)}&sysparm_fields={fields}&sysparm_exclude_reference_link=true"))["result"]!.AsArray();

    /// <summary>
    /// A change raised by someone else: a normal change planned from <paramref name="start"/> to <paramref name="end"/>,
    /// with <paramref name="ciSysIds"/> as its affected CIs. Returns its number.
    /// </summary>
    public async Task<string> ServiceNowOtherChangeAsync(DateTimeOffset start, DateTimeOffset end, params string[] ciSysIds)
    {
        var sysId = await ServiceNowInsertAsync("change_request", new JsonObject
        {
            ["short_description"] = "Database engine upgrade",
            ["type"] = "normal",
            ["start_date"] = ServiceNowTime(start),
            ["end_date"] = ServiceNowTime(end),
        });
        foreach (var ci in ciSysIds)
        {
            await ServiceNowInsertAsync("task_ci", new JsonObject { ["task"] = sysId, ["ci_item"] = ci });
        }

        var rows = await ServiceNowRowsAsync("change_request", "sys_id=" + sysId, "number");
        return rows[0]!["number"]!.GetValue<string>();
    }

    /// <summary>A schedule of the given type (blackout, maintenance) with one span from start to end, in UTC.</summary>
    public async Task ServiceNowScheduleAsync(string name, string type, DateTimeOffset start, DateTimeOffset end)
    {
        var schedule = await ServiceNowInsertAsync("cmn_schedule", new JsonObject { ["name"] = name, ["type"] = type, ["time_zone"] = "UTC" });
        await ServiceNowInsertAsync("cmn_schedule_span", new JsonObject
        {
            ["schedule"] = schedule,
            ["name"] = name,
            ["start_date_time"] = start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture),
            ["end_date_time"] = end.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture),
        });
    }

    public static string ServiceNowTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A Change issue raised by someone else on the site, planned from start to end on the given servers; returns its key.</summary>
    public async Task<string> JiraOtherChangeAsync(DateTimeOffset start, DateTimeOffset end, params string[] servers)
    {
        var body = new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "ITOPS" },
                ["issuetype"] = new JsonObject { ["name"] = "Change" },
                ["summary"] = "Storage firmware upgrade",
                ["customfield_10005"] = new JsonObject { ["value"] = "Normal" },
                ["customfield_10008"] = JiraTime(start),
                ["customfield_10009"] = JiraTime(end),
                ["customfield_10014"] = new JsonArray([.. servers.Select(s => (JsonNode)s)]),
            },
        };
        using var response = await _jira.PostAsJsonAsync("rest/api/3/issue", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST issue: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["key"]!.GetValue<string>();
    }

    public static string JiraTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    public Task<JsonNode> JiraIssueAsync(string key, string fields = "*all") => GetJsonAsync(_jira, $"rest/api/3/issue/{key}?fields={fields}");

    /// <summary>The issue's status changes, oldest first, as its changelog lists them (target status names).</summary>
    public async Task<List<string>> JiraStatusChangesAsync(string key)
    {
        var issue = await GetJsonAsync(_jira, $"rest/api/3/issue/{key}?fields=status&expand=changelog");
        return [.. (issue["changelog"]?["histories"]?.AsArray() ?? [])
            .SelectMany(h => h!["items"]!.AsArray())
            .Where(i => i!["field"]?.GetValue<string>() == "status")
            .Select(i => i!["toString"]?.GetValue<string>() ?? "")];
    }

    public async Task<int> JiraIssueCountAsync(string jql) =>
        (await GetJsonAsync(_jira, "rest/api/3/search/jql?jql=" + Uri.EscapeDataString(jql)))["issues"]!.AsArray().Count;

    public async Task<int> JiraRequestsAsync(string route) =>
        (await GetJsonAsync(_jiraControl, "requests"))["counts"]?[route]?.GetValue<int>() ?? 0;

    /// <summary>Requests the Jira site received, by route.</summary>
    public async Task<Dictionary<string, int>> JiraRequestCountsAsync() =>
        (await GetJsonAsync(_jiraControl, "requests"))["counts"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());

    /// <summary>Every request either desk received.</summary>
    public async Task<int> TotalRequestsAsync() =>
        (await ServiceNowRequestCountsAsync()).Values.Sum() + (await JiraRequestCountsAsync()).Values.Sum();

    /// <summary>Answers the issue's pending approval as every pending approver, through the control API.</summary>
    public Task JiraDecideAsync(string key, bool approve) => PostJsonAsync(_jiraControl, $"issues/{key}/{(approve ? "approve" : "decline")}", new { });

    /// <summary>Fails the next <paramref name="count"/> Jira requests matching the method and route template with <paramref name="status"/>.</summary>
    public Task JiraFailNextAsync(int count, int status, string method, string route) =>
        PostJsonAsync(_jiraControl, "faults/rules", new { count, status, method, route });

    public void Dispose()
    {
        _serviceNow.Dispose();
        _serviceNowControl.Dispose();
        _serviceNowPages.Dispose();
        _jira.Dispose();
        _jiraControl.Dispose();
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private static async Task PostJsonAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static HttpClient Client(Uri baseAddress, AuthenticationHeaderValue? authorization)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = authorization;

        // ServiceNow refuses calls without an Accept header, as the real Table API does.
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    [GeneratedRegex("<tr data-number=\"(?<number>CHG\\d+)\">.*?action=\"(?<action>approve/[0-9a-f]{32})\"", RegexOptions.Singleline)]
    private static partial Regex ApprovalRow();
}
