namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>One custom field: its numeric id (customfield_NNNNN) and whether create requires it.</summary>
public sealed class JiraCustomFieldOptions
{
    /// <summary>0 leaves the field off the site (plan fields are not guaranteed to exist).</summary>
    public int Id { get; set; }

    public bool Required { get; set; }
}
