namespace ChangeOrchestrator.Simulators.Jira.Fields;

/// <summary>How a field's value is written, stored and rendered.</summary>
internal enum JiraFieldKind
{
    /// <summary>Plain string (summary).</summary>
    Text,

    /// <summary>Atlassian Document Format (description, paragraph custom fields).</summary>
    Document,

    /// <summary>Array of label strings.</summary>
    Labels,

    /// <summary>Single select: written as {"value"} or {"id"}, stored as the option id.</summary>
    Option,

    /// <summary>Date-time written and read as yyyy-MM-ddTHH:mm:ss.fff+0000.</summary>
    DateTime,

    /// <summary>One account ({"accountId"}).</summary>
    User,

    /// <summary>Several accounts ([{"accountId"}]).</summary>
    Users,

    /// <summary>Maintained by Jira itself (status, created, comment...); never written through fields.</summary>
    System,
}
