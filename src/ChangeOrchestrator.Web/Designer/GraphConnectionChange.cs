namespace ChangeOrchestrator.Web.Designer;

/// <summary>A connection that one of two compared versions has and the other has not.</summary>
public sealed record GraphConnectionChange(string From, string Outcome, string To, GraphChange Change);
