using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Server.Workflows;

/// <summary>Configuration section <c>Workflows</c>.</summary>
public sealed class WorkflowsOptions
{
    public const string Section = "Workflows";

    /// <summary>Folder of workflow files imported at start-up, relative to the content root.</summary>
    [Required]
    public string Folder { get; set; } = "workflows";

    public bool ImportOnStart { get; set; } = true;
}
