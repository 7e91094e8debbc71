using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>Per-issue limits; breaching one answers 413 as Jira Cloud does.</summary>
public sealed class JiraLimitsOptions
{
    [Range(1, int.MaxValue)]
    public int MaxCommentsPerIssue { get; set; } = 5000;

    [Range(1, int.MaxValue)]
    public int MaxAttachmentsPerIssue { get; set; } = 2000;

    /// <summary>The site's attachment size limit: Jira Cloud allows 1 GB per file unless an admin changes it (at most 2 GB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxAttachmentBytes { get; set; } = 1024L * 1024 * 1024;
}
