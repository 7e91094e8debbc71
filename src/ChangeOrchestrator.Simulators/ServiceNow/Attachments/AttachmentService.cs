using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Attachments;

/// <summary>The Attachment API: evidence files on records, stored with their metadata in sys_attachment.</summary>
internal sealed class AttachmentService(ServiceNowStore store, RecordSerializer serializer)
{
    public async Task<IResult> UploadRawAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var missing = new[] { "table_name", "table_sys_id", "file_name" }.FirstOrDefault(p => string.IsNullOrWhiteSpace(query[p]));
        if (missing is not null)
        {
            return ServiceNowError.BadRequest("Missing parameter: " + missing, "table_name, table_sys_id and file_name are required").ToResult();
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        return Attach(context, query["table_name"].ToString(), query["table_sys_id"].ToString(), query["file_name"].ToString(),
            context.Request.ContentType!, buffer.ToArray());
    }

    /// <summary>multipart/form-data: table_name and table_sys_id parts, then the file part.</summary>
    public async Task<IResult> UploadMultipartAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var file = form.Files.LastOrDefault();
        if (string.IsNullOrWhiteSpace(form["table_name"]) || string.IsNullOrWhiteSpace(form["table_sys_id"]) || file is null)
        {
            return ServiceNowError.BadRequest("Missing parameter", "table_name, table_sys_id and a file part are required").ToResult();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var contentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType;
        return Attach(context, form["table_name"].ToString(), form["table_sys_id"].ToString(), file.FileName, contentType, buffer.ToArray());
    }

    public IResult Download(HttpContext context, string sysId)
    {
        lock (store.Gate)
        {
            var metadata = store.Find(AttachmentSchema.Table, sysId);
            if (metadata is null || store.GetAttachmentContent(sysId) is not { } content)
            {
                return ServiceNowError.NoRecord().ToResult();
            }

            var view = new RecordView(context.GetInstanceUrl(), null, DisplayValueMode.Raw, ExcludeReferenceLink: false);
            context.Response.Headers["X-Attachment-Metadata"] = serializer.Serialize(metadata, view).ToJsonString();
            return Results.Bytes(content, metadata["content_type"]);
        }
    }

    public IResult Delete(HttpContext context, string sysId)
    {
        if (!context.GetUser().CanWriteChanges)
        {
            return ServiceNowError.AclDenied("Delete").ToResult();
        }

        lock (store.Gate)
        {
            return store.Remove(AttachmentSchema.Table, sysId) ? Results.NoContent() : ServiceNowError.NoRecord().ToResult();
        }
    }

    private IResult Attach(HttpContext context, string table, string tableSysId, string fileName, string contentType, byte[] content)
    {
        var user = context.GetUser();
        if (!user.CanWriteChanges)
        {
            return ServiceNowError.AclDenied("Insert").ToResult();
        }

        var instanceUrl = context.GetInstanceUrl();
        lock (store.Gate)
        {
            if (store.Find(table, tableSysId) is not { } owner)
            {
                return ServiceNowError.NoRecord().ToResult();
            }

            var attachment = AttachmentRecords.Create(store, owner, fileName, contentType, content, instanceUrl, user.UserName);
            context.Response.Headers.Location = $"{instanceUrl}/api/now/attachment/{attachment.SysId}";
            var view = new RecordView(instanceUrl, null, DisplayValueMode.Raw, ExcludeReferenceLink: false);
            return Results.Json(new JsonObject { ["result"] = serializer.Serialize(attachment, view) }, statusCode: StatusCodes.Status201Created);
        }
    }
}
