namespace ChangeOrchestrator.Web.Designer;

/// <summary>One validation error, pinned to the activity and field it is about when it is about one.</summary>
public sealed record DesignerProblem(string Path, string Message, string? ActivityId, string? Field)
{
    /// <summary>As <c>validate</c> prints it: <c>file: JSON path: reason</c>.</summary>
    public required string Text { get; init; }
}
