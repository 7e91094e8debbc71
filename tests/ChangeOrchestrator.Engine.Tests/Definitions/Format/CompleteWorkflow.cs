using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Tests.Definitions.Format;

/// <summary>A valid workflow file that uses every construct of the format once, the starting point of each break.</summary>
internal static class CompleteWorkflow
{
    public const string Json = """
        {
          "$schema": "../workflow.schema.json",
          "id": "complete-workflow",
          "version": 2,
          "name": "Every construct of the format",
          "description": "Broken one place at a time by the format agreement tests.",
          "inputs": [
            { "name": "patchGroup", "type": "string", "required": true, "description": "Target group", "pattern": "^[a-z]+$", "minLength": 1, "maxLength": 64 },
            { "name": "desk", "type": "string", "enumFrom": "serviceDesks", "allowEmpty": true },
            { "name": "severity", "type": "string", "enum": ["Critical", "Important"], "default": "Critical" },
            { "name": "timeout", "type": "duration", "minimum": "PT1M", "maximum": "P3D", "default": "PT4H" },
            { "name": "wave", "type": "integer", "minimum": 1, "maximum": 10 },
            { "name": "concurrency", "type": "string", "format": "percentOrCount" },
            { "name": "targets", "type": "array", "minItems": 1, "maxItems": 100, "items": { "type": "string", "description": "An instance id", "pattern": "^i-" } },
            { "name": "window", "type": "object", "fields": [ { "name": "start", "type": "dateTime", "required": true } ] },
            { "name": "labels", "type": "object", "values": { "type": "string", "maxLength": 20 } },
            { "name": "sizes", "type": "array", "items": { "type": "integer", "enum": [1, 2] } },
            { "name": "counts", "type": "array", "items": { "type": "integer", "minimum": 0, "maximum": 9 } },
            { "name": "waits", "type": "array", "items": { "type": "duration", "minimum": "PT1M", "maximum": "PT1H" } },
            { "name": "groups", "type": "array", "items": { "type": "string", "enumFrom": "patchGroups", "allowEmpty": true } },
            { "name": "batches", "type": "array", "items": { "type": "array", "minItems": 1, "maxItems": 5, "items": { "type": "string", "minLength": 1, "format": "uri" } } },
            { "name": "hosts", "type": "array", "items": { "type": "object", "fields": [ { "name": "id", "type": "string" } ] } }
          ],
          "rules": [ { "js": "input.wave > 0", "message": "wave must be positive", "fields": ["wave"] } ],
          "variables": [ { "name": "decidedBy", "type": "string", "default": "nobody" } ],
          "triggers": [
            { "type": "cron", "schedule": "0 2 * * 6", "timeZone": "UTC", "input": { "patchGroup": "web" } },
            { "type": "event", "kind": "approval" },
            { "type": "webhook", "kind": "change" }
          ],
          "start": "begin",
          "cancel": "undo",
          "activities": [
            {
              "id": "begin", "type": "Log", "name": "Begin",
              "inputs": { "message": { "js": "'starting ' + input.patchGroup" } },
              "retry": { "attempts": 3, "backoff": "PT10S", "multiplier": 2, "maxBackoff": "PT5M" },
              "timeout": "PT15M",
              "position": { "x": 10, "y": 20.5 }
            },
            { "id": "undo", "type": "Log", "inputs": { "message": "cancelled" } }
          ],
          "connections": [ { "from": "begin", "outcome": "Done", "to": "undo" } ]
        }
        """;

    public static JsonObject Parse() => JsonNode.Parse(Json)!.AsObject();
}
