using ChangeOrchestrator.Engine.Definitions;
using Json.Schema;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>
/// The workflow schema the engine ships, built once for every test: the schema library registers a schema by its
/// $id and refuses a second registration.
/// </summary>
internal static class PublishedSchema
{
    public static JsonSchema Instance { get; } = JsonSchema.FromText(WorkflowSchema.Json);
}
