namespace ChangeOrchestrator.Engine.Definitions;

public sealed record DesignerPosition(double X, double Y);
