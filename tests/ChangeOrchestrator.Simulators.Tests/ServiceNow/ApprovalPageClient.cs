using System.Net;
using System.Text.RegularExpressions;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow;

/// <summary>Uses the approval page as a browser would: reads the HTML, then submits the row's form.</summary>
public static partial class ApprovalPageClient
{
    public static async Task<string> ReadAsync(RestClient client)
    {
        var page = await client.ExecuteAsync(new RestRequest("approve"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", page.ContentType);
        return page.Content!;
    }

    /// <summary>Posts the form of the change's first pending row; returns the redirect target.</summary>
    public static async Task<string> DecideAsync(RestClient client, string number, string decision, string comment)
    {
        var html = await ReadAsync(client);
        var row = Row().Matches(html).FirstOrDefault(m => m.Groups["number"].Value == number)
            ?? throw new InvalidOperationException($"{number} is not on the approval page");
        var request = new RestRequest(row.Groups["action"].Value, Method.Post);
        request.AddParameter("decision", decision);
        request.AddParameter("comment", comment);

        var response = await client.ExecuteAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers!.First(h => h.Name == "Location").Value!.ToString()!;
    }

    [GeneratedRegex("<tr data-number=\"(?<number>CHG\\d+)\">.*?action=\"(?<action>approve/[0-9a-f]{32})\"", RegexOptions.Singleline)]
    private static partial Regex Row();
}
