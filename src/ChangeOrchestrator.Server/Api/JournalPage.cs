using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Server.Api;

/// <summary>One page of an instance's journal and the sequence to read after for the next (null on the last).</summary>
public sealed record JournalPage(IReadOnlyList<JournalEntry> Items, long? Next);
