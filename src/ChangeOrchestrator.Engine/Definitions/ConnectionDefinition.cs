namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>When <see cref="From"/> finishes with <see cref="Outcome"/>, <see cref="To"/> is scheduled.</summary>
public sealed record ConnectionDefinition(string From, string Outcome, string To)
{
    public const string DefaultOutcome = "Done";
}
