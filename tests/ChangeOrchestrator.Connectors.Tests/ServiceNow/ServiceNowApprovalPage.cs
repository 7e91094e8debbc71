using System.Net;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Connectors.Tests.ServiceDesk;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Tests.ServiceNow;

/// <summary>The instance's approval page used as an approver's browser would: read the HTML, submit the row's form.</summary>
public static partial class ServiceNowApprovalPage
{
    /// <summary>Decides the change's first pending approval on the page; false when the change has none.</summary>
    public static async Task<bool> DecideAsync(ServiceDeskTestHost host, string number, string decision, string comment)
    {
        var page = await host.SnPages.ExecuteAsync(new RestRequest("approve"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var row = Row().Matches(page.Content!).FirstOrDefault(m => m.Groups["number"].Value == number);
        if (row is null)
        {
            return false;
        }

        var form = new RestRequest(row.Groups["action"].Value, Method.Post);
        form.AddParameter("decision", decision);
        form.AddParameter("comment", comment);
        var answer = await host.SnPages.ExecuteAsync(form);
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        return true;
    }

    [GeneratedRegex("<tr data-number=\"(?<number>CHG\\d+)\">.*?action=\"(?<action>approve/[0-9a-f]{32})\"", RegexOptions.Singleline)]
    private static partial Regex Row();
}
