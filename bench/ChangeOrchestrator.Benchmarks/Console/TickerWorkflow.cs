namespace ChangeOrchestrator.Benchmarks.Console;

/// <summary>A workflow that waits for a tick, notes it and waits again: an instance that changes at every event, forever.</summary>
internal static class TickerWorkflow
{
    public const string Id = "console-ticker";

    public const string Kind = "tick";

    public const string Json = """
        {
          "id": "console-ticker", "name": "Ticks on every event",
          "inputs": [ { "name": "key", "type": "string", "required": true } ],
          "start": "wait",
          "activities": [
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "tick", "key": { "js": "input.key" } } },
            { "id": "note", "type": "Log", "inputs": { "message": "tick" } }
          ],
          "connections": [
            { "from": "wait", "outcome": "Received", "to": "note" },
            { "from": "note", "outcome": "Done", "to": "wait" }
          ]
        }
        """;
}
