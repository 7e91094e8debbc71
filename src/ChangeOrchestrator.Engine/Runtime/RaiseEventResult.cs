namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>What a stimulus did: how many bookmarks it resumed, or whether it was buffered for a bookmark to come, or ignored as a duplicate.</summary>
public sealed record RaiseEventResult(string StimulusId, int Resumed, bool Buffered, bool Duplicate);
