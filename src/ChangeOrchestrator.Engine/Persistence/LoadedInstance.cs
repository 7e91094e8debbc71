using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>An instance with its bookmarks, as one read gives them: what a burst needs before it runs.</summary>
public sealed record LoadedInstance(WorkflowInstance Instance, IReadOnlyList<StoredBookmark> Bookmarks);
