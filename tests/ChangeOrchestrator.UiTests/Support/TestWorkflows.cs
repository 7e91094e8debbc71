namespace ChangeOrchestrator.UiTests.Support;

/// <summary>Small workflows of the tests' own, beside the repository's.</summary>
public static class TestWorkflows
{
    /// <summary>Waits for an event until cancelled: instances to filter and cancel in bulk.</summary>
    public static string Waiting(string id) => $$"""
        {
          "id": "{{id}}", "name": "Waits for a signal",
          "inputs": [ { "name": "key", "type": "string", "required": true } ],
          "activities": [
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "signal", "key": { "js": "input.key" } } },
            { "id": "done", "type": "Log", "inputs": { "message": "signalled" } }
          ],
          "connections": [ { "from": "wait", "outcome": "Received", "to": "done" } ]
        }
        """;

    /// <summary>Calls an endpoint once, without a retry policy: a 5xx answer becomes an incident an operator retries.</summary>
    public static string Flaky(string id, string url) => $$"""
        {
          "id": "{{id}}", "name": "Calls a flaky service",
          "activities": [
            { "id": "call", "type": "HttpRequest", "inputs": { "url": "{{url}}" } },
            { "id": "done", "type": "Log", "inputs": { "message": "called" } }
          ],
          "connections": [ { "from": "call", "outcome": "Done", "to": "done" } ]
        }
        """;
}
