using System.Net;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow.Attachments;

public sealed class AttachmentServiceTests : IAsyncLifetime
{
    private ServiceNowTestHost _sn = null!;

    public async Task InitializeAsync() => _sn = await ServiceNowTestHost.StartAsync();

    public async Task DisposeAsync() => await _sn.DisposeAsync();

    [Fact]
    public async Task UploadFile_ThenListAndDownload_RoundTripsTheBytes()
    {
        var id = (await _sn.Admin.CreateChangeAsync(new { short_description = "Evidence" })).Text("sys_id");
        var content = Enumerable.Range(0, 3000).Select(i => (byte)(i % 251)).ToArray();
        var upload = new RestRequest($"api/now/attachment/file?table_name=change_request&table_sys_id={id}&file_name=compliance.bin", Method.Post);
        upload.AddBody(content, "application/octet-stream");

        var created = await _sn.Admin.SendAsync(upload);
        var list = await _sn.Admin.GetJsonAsync($"api/now/attachment?sysparm_query=table_name=change_request^table_sys_id={id}");
        var attachmentId = created.Result.Text("sys_id");
        var download = await _sn.Admin.ExecuteAsync(new RestRequest($"api/now/attachment/{attachmentId}/file"));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(_sn.InstanceUrl + "api/now/attachment/" + attachmentId, created.Header("Location"));
        Assert.Equal(("compliance.bin", "application/octet-stream", "3000"), (created.Result.Text("file_name"), created.Result.Text("content_type"), created.Result.Text("size_bytes")));
        Assert.Equal(_sn.InstanceUrl + $"api/now/attachment/{attachmentId}/file", created.Result.Text("download_link"));
        Assert.Equal(attachmentId, Assert.Single(list.Result.AsArray())!.Text("sys_id"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.ContentType);
        Assert.Equal(content, download.RawBytes);
    }

    [Fact]
    public async Task UploadFile_LargerThanTheAttachmentLimit_Returns400AndAttachesNothing()
    {
        await using var sn = await ServiceNowTestHost.StartAsync(new Dictionary<string, string?> { ["Simulators:ServiceNow:MaxAttachmentBytes"] = "10" });
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Evidence" })).Text("sys_id");
        var upload = new RestRequest($"api/now/attachment/file?table_name=change_request&table_sys_id={id}&file_name=big.txt", Method.Post);
        upload.AddStringBody("eleven bytes", "text/plain");

        var response = await sn.Admin.SendAsync(upload);
        var list = await sn.Admin.GetJsonAsync($"api/now/attachment?sysparm_query=table_sys_id={id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("too large", response.ErrorMessage);
        Assert.Empty(list.Result.AsArray());
    }

    [Fact]
    public async Task UploadFile_UnknownRecord_Returns404()
    {
        var upload = new RestRequest("api/now/attachment/file?table_name=change_request&table_sys_id=0123456789abcdef0123456789abcdef&file_name=a.txt", Method.Post);
        upload.AddStringBody("evidence", "text/plain");

        var response = await _sn.Admin.SendAsync(upload);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("No Record found", response.ErrorMessage);
    }

    [Fact]
    public async Task UploadFile_MissingParameter_Returns400()
    {
        var upload = new RestRequest("api/now/attachment/file?table_name=change_request&file_name=a.txt", Method.Post);
        upload.AddStringBody("evidence", "text/plain");

        var response = await _sn.Admin.SendAsync(upload);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("table_sys_id", response.ErrorMessage);
    }

    [Fact]
    public async Task Download_UnknownAttachment_Returns404()
    {
        var response = await _sn.Admin.SendAsync(new RestRequest("api/now/attachment/0123456789abcdef0123456789abcdef/file"));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task UploadMultipart_FilePart_IsAttached()
    {
        var id = (await _sn.Admin.CreateChangeAsync(new { short_description = "Multipart" })).Text("sys_id");
        var upload = new RestRequest("api/now/attachment/upload", Method.Post) { AlwaysMultipartFormData = true };
        upload.AddParameter("table_name", "change_request");
        upload.AddParameter("table_sys_id", id);
        upload.AddFile("uploadFile", "scan report"u8.ToArray(), "scan.txt", "text/plain");

        var response = await _sn.Admin.SendAsync(upload);
        var download = await _sn.Admin.ExecuteAsync(new RestRequest($"api/now/attachment/{response.Result.Text("sys_id")}/file"));

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("scan.txt", response.Result.Text("file_name"));
        Assert.Equal("scan report", download.Content);
    }
}
