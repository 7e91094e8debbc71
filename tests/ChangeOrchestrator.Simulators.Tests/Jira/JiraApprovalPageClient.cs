using System.Net;
using System.Text.RegularExpressions;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira;

/// <summary>Uses the approval page as a browser would: read the HTML, submit the row's form.</summary>
public static partial class JiraApprovalPageClient
{
    public static async Task<string> GetPageAsync(JiraTestSite site)
    {
        var response = await site.Anonymous.ExecuteAsync(new RestRequest("approve"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.ContentType);
        return response.Content!;
    }

    /// <summary>Posts the Approve or Decline form of the issue's row; returns the (unfollowed) response.</summary>
    public static async Task<RestResponse> SubmitAsync(JiraTestSite site, string issueKey, string decision)
    {
        var html = await GetPageAsync(site);
        var row = Row().Matches(html).FirstOrDefault(m => m.Groups["key"].Value == issueKey)
            ?? throw new InvalidOperationException($"{issueKey} is not on the approval page: {html}");
        var form = Form().Matches(row.Value).First(m => m.Groups["action"].Value.EndsWith("/" + decision, StringComparison.Ordinal));
        var request = new RestRequest(new Uri(site.Host.BaseAddress, WebUtility.HtmlDecode(form.Groups["action"].Value)), Method.Post);
        foreach (Match input in Hidden().Matches(form.Value))
        {
            request.AddParameter(input.Groups["name"].Value, WebUtility.HtmlDecode(input.Groups["value"].Value), ParameterType.GetOrPost);
        }

        return await site.NoRedirects().ExecuteAsync(request);
    }

    [GeneratedRegex("<tr data-key=\"(?<key>[^\"]+)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\">.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex Hidden();
}
