namespace ChangeOrchestrator.Web.Designer;

/// <summary>A point on the designer's canvas: the top-left corner of an activity.</summary>
public readonly record struct DesignerPoint(double X, double Y);
