namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>Site-specific ids of the JSM change fields, so connectors are tested against ids they must discover.</summary>
public sealed class JiraCustomFieldsOptions
{
    public JiraCustomFieldOptions Approvers { get; set; } = new() { Id = 10003 };

    public JiraCustomFieldOptions Impact { get; set; } = new() { Id = 10004 };

    public JiraCustomFieldOptions ChangeType { get; set; } = new() { Id = 10005, Required = true };

    public JiraCustomFieldOptions ChangeRisk { get; set; } = new() { Id = 10006 };

    public JiraCustomFieldOptions ChangeReason { get; set; } = new() { Id = 10007 };

    public JiraCustomFieldOptions ChangeStartDate { get; set; } = new() { Id = 10008 };

    public JiraCustomFieldOptions ChangeCompletionDate { get; set; } = new() { Id = 10009 };

    public JiraCustomFieldOptions RequestType { get; set; } = new() { Id = 10010 };

    public JiraCustomFieldOptions ImplementationPlan { get; set; } = new() { Id = 10011 };

    public JiraCustomFieldOptions BackoutPlan { get; set; } = new() { Id = 10012 };

    public JiraCustomFieldOptions TestPlan { get; set; } = new() { Id = 10013 };

    /// <summary>A labels field naming the servers a change touches, searchable with JQL (<c>"Affected servers" in (...)</c>).</summary>
    public JiraCustomFieldOptions AffectedServers { get; set; } = new() { Id = 10014 };
}
