using System.Net;
using System.Text;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Attachments;

public sealed class JiraAttachmentEndpointsTests
{
    private static readonly byte[] Evidence = Encoding.UTF8.GetBytes("{\"compliant\":12,\"missing\":0}");

    [Fact]
    public async Task AddAttachment_WithNoCheckToken_RoundTripsContentAndIsListed()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var upload = await site.Orchestrator.ExecuteAsync(Upload(key, withToken: true));
        var issue = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}?fields=attachment"))).Json();
        var id = upload.Json()[0]!["id"]!.GetValue<string>();
        var content = await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/attachment/content/{id}"));
        var meta = await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/attachment/{id}"));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var attached = upload.Json()[0]!;
        Assert.Equal("compliance-evidence.json", attached["filename"]!.GetValue<string>());
        Assert.Equal(Evidence.Length, attached["size"]!.GetValue<int>());
        Assert.Equal("application/json", attached["mimeType"]!.GetValue<string>());
        Assert.Equal(id, issue["fields"]!["attachment"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Evidence, content.RawBytes);
        Assert.Equal("compliance-evidence.json", meta.Json()["filename"]!.GetValue<string>());
    }

    [Fact]
    public async Task AddAttachment_WithoutXsrfToken_Returns403AndStoresNothing()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var upload = await site.Orchestrator.ExecuteAsync(Upload(key, withToken: false));
        var issue = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}?fields=attachment"))).Json();

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal("XSRF check failed", upload.Content);
        Assert.Empty(issue["fields"]!["attachment"]!.AsArray());
    }

    [Fact]
    public async Task AddAttachment_LargerThanLimit_Returns413()
    {
        await using var site = await JiraTestSite.StartAsync(new Dictionary<string, string?> { ["Simulators:Jira:Limits:MaxAttachmentBytes"] = "10" });
        var key = await site.CreateChangeAsync();

        var upload = await site.Orchestrator.ExecuteAsync(Upload(key, withToken: true));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
    }

    [Fact]
    public async Task AddAttachment_UnknownIssue_Returns404()
    {
        await using var site = await JiraTestSite.StartAsync();

        var upload = await site.Orchestrator.ExecuteAsync(Upload("ITOPS-77", withToken: true));

        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
    }

    private static RestRequest Upload(string key, bool withToken)
    {
        var request = new RestRequest($"rest/api/3/issue/{key}/attachments", Method.Post)
            .AddFile("file", Evidence, "compliance-evidence.json", "application/json");
        request.AlwaysMultipartFormData = true;
        if (withToken)
        {
            request.AddHeader("X-Atlassian-Token", "no-check");
        }

        return request;
    }
}
