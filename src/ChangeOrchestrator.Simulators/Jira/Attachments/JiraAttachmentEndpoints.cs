using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Webhooks;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Jira.Attachments;

/// <summary>
/// Evidence attachments: multipart upload (part <c>file</c>) guarded by the XSRF header
/// <c>X-Atlassian-Token: no-check</c>, metadata, and content.
/// </summary>
internal static class JiraAttachmentEndpoints
{
    /// <summary>Multipart framing and what is read past the limit so that the 413 reaches the client.</summary>
    private const long FramingAllowance = 2 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder rest)
    {
        // The host's own body limit (Kestrel's 30 MB by default) would cut an upload the site accepts.
        var maxBytes = rest.ServiceProvider.GetRequiredService<IOptions<JiraSimulatorOptions>>().Value.Limits.MaxAttachmentBytes;
        rest.MapPost("/api/3/issue/{issueIdOrKey}/attachments", AddAsync).WithMetadata(new RequestSizeLimitAttribute(maxBytes + FramingAllowance));
        rest.MapGet("/api/3/attachment/{attachmentId}", Get);
        rest.MapGet("/api/3/attachment/content/{attachmentId}", Content);
    }

    private static async Task<IResult> AddAsync(
        string issueIdOrKey,
        HttpContext context,
        JiraStore store,
        JiraSite site,
        JiraIssueChanges changes,
        JiraWebhookPublisher publisher,
        IOptions<JiraSimulatorOptions> options,
        SimulatorClock clock,
        CancellationToken cancellationToken)
    {
        var token = context.Request.Headers["X-Atlassian-Token"].ToString();
        if (!string.Equals(token, "no-check", StringComparison.OrdinalIgnoreCase) && !string.Equals(token, "nocheck", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Text("XSRF check failed", "text/plain;charset=UTF-8", Encoding.UTF8, options.Value.AttachmentWithoutTokenStatus);
        }

        if (!context.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        // The form reader's own limit (128 MB) is below the site's: each file part may be as large as an attachment.
        var limits = options.Value.Limits;
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = limits.MaxAttachmentBytes + FramingAllowance }));
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var uploads = new List<(string Name, string MimeType, byte[] Content)>();
        foreach (var file in form.Files.GetFiles("file"))
        {
            if (file.Length > limits.MaxAttachmentBytes)
            {
                return JiraErrors.Message(StatusCodes.Status413PayloadTooLarge, $"The file is too large: attachments may not exceed {limits.MaxAttachmentBytes} bytes.");
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            uploads.Add((file.FileName, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, buffer.ToArray()));
        }

        var canWrite = context.JiraCaller().CanWrite;
        var changeContext = JiraChangeContext.From(context, clock);
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            if (!canWrite)
            {
                return JiraErrors.Forbidden("You do not have permission to create attachments for this issue.");
            }

            if (uploads.Count == 0)
            {
                return JiraErrors.BadRequest("No attachment was found in the request: send the file in a multipart part named 'file'.");
            }

            if (uploads.Any(u => u.Content.LongLength > limits.MaxAttachmentBytes))
            {
                return JiraErrors.Message(StatusCodes.Status413PayloadTooLarge, $"The file is too large: attachments may not exceed {limits.MaxAttachmentBytes} bytes.");
            }

            if (issue.Attachments.Count + uploads.Count > limits.MaxAttachmentsPerIssue)
            {
                return JiraErrors.Message(StatusCodes.Status413PayloadTooLarge, "The maximum number of attachments allowed for this issue has been reached.");
            }

            var added = uploads.Select(u => Attach(state, issue, u)).ToList();
            return JiraResults.Json(JiraJson.Array(added.Select(a => (JsonNode?)JiraAttachmentJson.Render(a, site, changeContext.Links))));
        });

        JiraAttachment Attach(JiraState state, JiraIssue issue, (string Name, string MimeType, byte[] Content) upload)
        {
            var attachment = new JiraAttachment
            {
                Id = state.NextAttachmentId(),
                IssueId = issue.Id,
                Filename = upload.Name,
                MimeType = upload.MimeType,
                Content = upload.Content,
                AuthorAccountId = changeContext.Actor.AccountId,
                Created = changeContext.Now,
            };
            issue.Attachments.Add(attachment);
            var entry = changes.Record(state, issue, [new JiraChangelogItem("Attachment", "jira", "attachment", null, null, attachment.Id, attachment.Filename)], changeContext);
            publisher.Publish(state, new JiraIssueEvent(JiraIssueEvent.AttachmentCreated, null, issue, changeContext, Attachment: attachment));
            publisher.Publish(state, new JiraIssueEvent(JiraIssueEvent.IssueUpdated, "issue_updated", issue, changeContext, entry));
            return attachment;
        }
    }

    private static IResult Get(string attachmentId, HttpContext context, JiraStore store, JiraSite site)
    {
        var links = JiraLinks.From(context);
        return store.Use(state => Find(state, attachmentId) is { } attachment
            ? JiraResults.Json(JiraAttachmentJson.Render(attachment, site, links))
            : JiraErrors.NotFound($"The attachment with id '{attachmentId}' does not exist"));
    }

    private static IResult Content(string attachmentId, JiraStore store) =>
        store.Use(state => Find(state, attachmentId) is { } attachment
            ? Results.File(attachment.Content, attachment.MimeType, attachment.Filename)
            : JiraErrors.NotFound($"The attachment with id '{attachmentId}' does not exist"));

    private static JiraAttachment? Find(JiraState state, string attachmentId) =>
        state.Issues.SelectMany(i => i.Attachments).FirstOrDefault(a => a.Id == attachmentId);
}
