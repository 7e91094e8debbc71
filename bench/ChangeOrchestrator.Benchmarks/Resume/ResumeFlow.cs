namespace ChangeOrchestrator.Benchmarks.Resume;

/// <summary>Waits for a stimulus keyed by the instance's input, then marks the moment it went on.</summary>
internal static class ResumeFlow
{
    public const string Id = "bench-resume";

    public const string EventKind = "bench-go";

    public const string Json = """
        {
          "id": "bench-resume",
          "name": "Resume benchmark: wait for an event, then mark",
          "inputs": [ { "name": "key", "type": "string", "required": true } ],
          "activities": [
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "bench-go", "key": { "js": "input.key" } } },
            { "id": "mark", "type": "MarkResumed", "inputs": { "key": { "js": "input.key" } } }
          ],
          "connections": [ { "from": "wait", "outcome": "Received", "to": "mark" } ]
        }
        """;
}
