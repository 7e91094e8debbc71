namespace ChangeOrchestrator.Server.Policies;

/// <summary>The <c>Policies</c> section: where the patch policy files are and how often SSM is checked for drift.</summary>
internal sealed class PoliciesOptions
{
    public const string Section = "Policies";

    /// <summary>Folder of policy files loaded at start-up, relative to the content root; none when empty.</summary>
    public string? Folder { get; set; }
}
