using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>Per-issue limits; breaching one answers 413 as Jira Cloud does.</summary>
public sealed class JiraLimitsOptions
{
    [Range(1, int.MaxValue)]
    public int MaxCommentsPerIssue { get; set; } = 5000;

    [Range(1, int.MaxValue)]
    public int MaxAttachmentsPerIssue { get; set; } = 2000;

    [Range(1, int.MaxValue)]
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
}
