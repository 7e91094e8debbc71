using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Attachments;

internal static class AttachmentEndpoints
{
    /// <summary>The Attachment API lists up to 1000 records unless told otherwise.</summary>
    private const int DefaultListLimit = 1000;

    public static void Map(IEndpointRouteBuilder api)
    {
        // The host's own body limit (Kestrel's 30 MB by default) would cut an upload the instance accepts: the uploads
        // are allowed up to the instance's attachment limit, and a little over it, so the refusal can be answered.
        var maxBytes = api.ServiceProvider.GetRequiredService<IOptions<ServiceNowSimulatorOptions>>().Value.MaxAttachmentBytes;
        var uploadLimit = new RequestSizeLimitAttribute(AttachmentService.BodyLimit(maxBytes));
        api.MapPost("/api/now/attachment/file",
                (HttpContext context, AttachmentService attachments, CancellationToken cancellationToken) => attachments.UploadRawAsync(context, cancellationToken))
            .WithMetadata(new BodyKindMetadata(BodyKind.AnyMediaType), uploadLimit);
        api.MapPost("/api/now/attachment/upload",
                (HttpContext context, AttachmentService attachments, CancellationToken cancellationToken) => attachments.UploadMultipartAsync(context, cancellationToken))
            .WithMetadata(new BodyKindMetadata(BodyKind.Multipart), uploadLimit)
            .DisableAntiforgery();
        api.MapGet("/api/now/attachment",
            (HttpContext context, TableReader reader) => reader.List(context, AttachmentSchema.Table, DefaultListLimit));
        api.MapGet("/api/now/attachment/{sys_id}",
            (HttpContext context, [FromRoute(Name = "sys_id")] string sysId, TableReader reader) => reader.Get(context, AttachmentSchema.Table, sysId));
        api.MapGet("/api/now/attachment/{sys_id}/file",
            (HttpContext context, [FromRoute(Name = "sys_id")] string sysId, AttachmentService attachments) => attachments.Download(context, sysId));
        api.MapDelete("/api/now/attachment/{sys_id}",
            (HttpContext context, [FromRoute(Name = "sys_id")] string sysId, AttachmentService attachments) => attachments.Delete(context, sysId));
    }
}
