namespace ChangeOrchestrator.IntegrationTests.Support.Server;

/// <summary>Small workflow files the server-level tests import.</summary>
public static class TestWorkflows
{
    public const string WaitForApproval = """
        {
          "id": "wait-approval",
          "name": "Wait for approval",
          "inputs": [
            { "name": "change", "type": "string", "required": true },
            { "name": "waves", "type": "integer", "default": 1 }
          ],
          "activities": [
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": { "js": "input.change" } } },
            { "id": "done", "type": "Log", "inputs": { "message": { "js": "'approved by ' + steps.wait.payload.by" } } }
          ],
          "connections": [ { "from": "wait", "outcome": "Received", "to": "done" } ]
        }
        """;

    public const string FailOnce = """
        {
          "id": "fail-once",
          "name": "Fails on a missing variable",
          "inputs": [ { "name": "ok", "type": "boolean", "default": false } ],
          "activities": [
            { "id": "check", "type": "Decision", "inputs": { "condition": { "js": "input.ok" } } },
            { "id": "stop", "type": "Fail", "inputs": { "reason": "not ok" } },
            { "id": "fine", "type": "Log", "inputs": { "message": "fine" } }
          ],
          "connections": [ { "from": "check", "outcome": "False", "to": "stop" }, { "from": "check", "outcome": "True", "to": "fine" } ]
        }
        """;
}
