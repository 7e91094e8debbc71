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
