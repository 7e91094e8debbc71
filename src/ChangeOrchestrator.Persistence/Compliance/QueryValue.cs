namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>A value an expression tree reads as a captured variable, so EF sends it as a query parameter.</summary>
internal sealed record QueryValue<T>(T Value);
