using System.IO.Compression;
using System.Globalization;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Attachments;

/// <summary>sys_attachment rows and their content.</summary>
internal static class AttachmentRecords
{
    public static ServiceNowRecord Create(ServiceNowStore store, ServiceNowRecord owner, string fileName, string contentType, byte[] content, string instanceUrl, string userName)
    {
        var attachment = store.NewRecord(AttachmentSchema.Table, userName);
        attachment["file_name"] = fileName;
        attachment["content_type"] = contentType;
        attachment["size_bytes"] = content.Length.ToString(CultureInfo.InvariantCulture);
        attachment["size_compressed"] = CompressedSize(content).ToString(CultureInfo.InvariantCulture);
        attachment["compressed"] = "true";
        attachment["table_name"] = owner.Table;
        attachment["table_sys_id"] = owner.SysId;
        attachment["download_link"] = $"{instanceUrl}/api/now/attachment/{attachment.SysId}/file";
        store.Insert(attachment);
        store.SetAttachmentContent(attachment.SysId, content);
        return attachment;
    }

    public static IEnumerable<ServiceNowRecord> Of(ServiceNowStore store, string ownerSysId) =>
        store.Rows(AttachmentSchema.Table).Where(a => a["table_sys_id"] == ownerSysId);

    private static long CompressedSize(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.Length;
    }
}
