namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>A one-step workflow that logs a message: the smallest definition a store test publishes again and again.</summary>
internal static class LogWorkflow
{
    /// <summary>The definition <paramref name="id"/>, whose name and message tell its versions apart.</summary>
    public static string Json(string id, string message) => $$"""
        {
          "id": "{{id}}",
          "version": 1,
          "name": "Log {{message}}",
          "activities": [ { "id": "say", "type": "Log", "inputs": { "message": "{{message}}" } } ]
        }
        """;
}
