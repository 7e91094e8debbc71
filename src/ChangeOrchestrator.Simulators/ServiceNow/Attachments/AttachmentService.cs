using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Attachments;

/// <summary>The Attachment API: evidence files on records, stored with their metadata in sys_attachment.</summary>
internal sealed class AttachmentService(ServiceNowStore store, RecordSerializer serializer, IOptionsMonitor<ServiceNowSimulatorOptions> options)
{
    /// <summary>Read beyond the attachment limit (and dropped) so that the refusal reaches the client.</summary>
    private const long DrainAllowance = 1024 * 1024;

    /// <summary>What the host lets an upload request carry: the attachment limit, the multipart framing and the drain.</summary>
    public static long BodyLimit(long maxAttachmentBytes) => maxAttachmentBytes + (2 * DrainAllowance);

    public async Task<IResult> UploadRawAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var missing = new[] { "table_name", "table_sys_id", "file_name" }.FirstOrDefault(p => string.IsNullOrWhiteSpace(query[p]));
        if (missing is not null)
        {
            return ServiceNowError.BadRequest("Missing parameter: " + missing, "table_name, table_sys_id and file_name are required").ToResult();
        }

        var maxBytes = options.CurrentValue.MaxAttachmentBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        // The body arrives as it is sent (a declared length or chunked) and is kept as the attachment's content.
        using var buffer = new MemoryStream();
        if (!await CopyWithinAsync(context.Request.Body, buffer, maxBytes, cancellationToken))
        {
            return TooLarge(maxBytes);
        }

        return Attach(context, query["table_name"].ToString(), query["table_sys_id"].ToString(), query["file_name"].ToString(),
            context.Request.ContentType!, buffer.ToArray());
    }

    /// <summary>multipart/form-data: table_name and table_sys_id parts, then the file part.</summary>
    public async Task<IResult> UploadMultipartAsync(HttpContext context, CancellationToken cancellationToken)
    {
        // The form reader's own limit (128 MB) is below the instance's: the file part may be as large as an attachment.
        var maxBytes = options.CurrentValue.MaxAttachmentBytes;
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = BodyLimit(maxBytes) }));
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var file = form.Files.LastOrDefault();
        if (string.IsNullOrWhiteSpace(form["table_name"]) || string.IsNullOrWhiteSpace(form["table_sys_id"]) || file is null)
        {
            return ServiceNowError.BadRequest("Missing parameter", "table_name, table_sys_id and a file part are required").ToResult();
        }

        if (file.Length > maxBytes)
        {
            return TooLarge(maxBytes);
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

    /// <summary>
    /// The instance refuses a file over com.glide.attachment.max_size; the reference does not document the answer, so
    /// this one (400 with the instance's usual envelope) is a best guess.
    /// </summary>
    private static IResult TooLarge(long maxBytes) =>
        ServiceNowError.BadRequest("Failed to create the attachment. File part might be too large.", $"Attachments may not exceed {maxBytes} bytes (com.glide.attachment.max_size).").ToResult();

    private static async Task<bool> CopyWithinAsync(Stream source, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copied += read;
            if (copied > maxBytes)
            {
                return false;
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
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
