using System.Net;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Connectors.Tests.ServiceDesk;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Tests.Jira;

/// <summary>The site's approval page used as an approver's browser would: read the HTML, submit the row's form.</summary>
public static partial class JiraApprovalPage
{
    public static async Task SubmitAsync(ServiceDeskTestHost host, string issueKey, string decision)
    {
        var page = await host.JiraControl.ExecuteAsync(new RestRequest(host.Simulators.Url("sim/jira/approve")));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var row = Row().Matches(page.Content!).FirstOrDefault(m => m.Groups["key"].Value == issueKey)
            ?? throw new InvalidOperationException($"{issueKey} is not on the approval page");
        var form = Form().Matches(row.Value).First(m => m.Groups["action"].Value.EndsWith("/" + decision, StringComparison.Ordinal));
        var request = new RestRequest(new Uri(host.Simulators.BaseAddress, WebUtility.HtmlDecode(form.Groups["action"].Value)), Method.Post);
        foreach (Match input in Hidden().Matches(form.Value))
        {
            request.AddParameter(input.Groups["name"].Value, WebUtility.HtmlDecode(input.Groups["value"].Value), ParameterType.GetOrPost);
        }

        var answer = await host.JiraControl.ExecuteAsync(request);
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
    }

    [GeneratedRegex("<tr data-key=\"(?<key>[^\"]+)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\">.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex Hidden();
}
