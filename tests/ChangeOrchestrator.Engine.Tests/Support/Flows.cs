namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>Builds small workflow JSON documents for tests.</summary>
internal static class Flows
{
    public static string Json(string id, string activities, string connections, string extra = "") => $$"""
        {
          "id": "{{id}}",
          "name": "{{id}}",
          {{extra}}
          "activities": [ {{activities}} ],
          "connections": [ {{connections}} ]
        }
        """;
}
