namespace ChangeOrchestrator.Web.Designer;

/// <summary>How a member of an input, variable or trigger is edited in the workflow panel.</summary>
public enum WorkflowFieldKind
{
    /// <summary>A line of text; left empty, the member is left out.</summary>
    Text,

    /// <summary>One of a few values (a list), or none.</summary>
    Choice,

    /// <summary>A check box: checked writes <c>true</c>, unchecked leaves the member out (false is its default).</summary>
    Flag,

    /// <summary>Any JSON value (a default, a trigger's input), checked as it is left.</summary>
    Json,
}
