namespace ChangeOrchestrator.Web.Designer;

/// <summary>One name the expression editor offers, with what it is.</summary>
public sealed record ExpressionCompletion(string Label, string Detail, string? Documentation);
