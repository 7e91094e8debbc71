namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// What the designer works out from a workflow file before drawing it: where the layered layout puts each activity
/// (empty when the file stores every position) and what validation finds in it.
/// </summary>
public sealed record PreparedDesign(IReadOnlyDictionary<string, DesignerPoint> Layout, IReadOnlyList<DesignerProblem> Problems);
