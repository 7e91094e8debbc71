namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>The configured service desks by name, so a workflow can say which desk holds its change.</summary>
public interface IServiceDeskResolver
{
    IReadOnlyCollection<string> Names { get; }

    /// <summary>The desk of that name (case-insensitive); throws <see cref="KeyNotFoundException"/> naming the configured ones.</summary>
    IServiceDesk Get(string name);
}
