using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Approvals;
using ChangeOrchestrator.Simulators.ServiceNow.Changes;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.ChangeApi;

/// <summary>
/// The answer of <c>GET .../nextstates</c>: the states reachable from the current one, with the conditions of each
/// move. Moves made by approvals are listed as automatic transitions the caller cannot make.
/// </summary>
internal static class NextStatesBuilder
{
    public static JsonObject Build(ServiceNowRecord change)
    {
        var type = change["type"];
        var from = change["state"];
        var manual = ChangeStateMachine.Targets(type, from);
        var automatic = AutomaticTarget(type, from);
        var targets = automatic is null ? manual : [.. manual, automatic];
        var labels = new JsonObject();
        foreach (var state in new[] { from }.Concat(targets))
        {
            labels[state] = ChangeStates.Label(state);
        }

        var transitions = new JsonArray();
        foreach (var to in targets)
        {
            var conditions = Conditions(change, to);
            var isAutomatic = to == automatic;
            transitions.Add(new JsonArray(new JsonObject
            {
                ["from_state"] = from,
                ["to_state"] = to,
                ["transition_available"] = !isAutomatic && conditions.All(c => c.Passed),
                ["automatic_transition"] = isAutomatic,
                ["conditions"] = new JsonArray([.. conditions.Select(ToJson)]),
            }));
        }

        return new JsonObject
        {
            ["available_states"] = new JsonArray([.. new[] { from }.Concat(targets).Select(s => JsonValue.Create(s))]),
            ["state_label"] = labels,
            ["state_transitions"] = transitions,
        };
    }

    private static string? AutomaticTarget(string type, string from) => (type, from) switch
    {
        (ChangeTypes.Normal, ChangeStates.Assess) => ChangeStates.Authorize,
        (ChangeTypes.Normal or ChangeTypes.Emergency, ChangeStates.Authorize) => ChangeStates.Scheduled,
        _ => null,
    };

    private static List<(string Name, string Description, bool Passed)> Conditions(ServiceNowRecord change, string to) => to switch
    {
        ChangeStates.Closed =>
        [
            ("Close code", "Close code is set", ChangeRequestSchema.CloseCodes.Contains(change["close_code"])),
            ("Close notes", "Close notes are filled in", change["close_notes"].Trim().Length > 0),
        ],
        ChangeStates.Authorize or ChangeStates.Scheduled when AutomaticTarget(change["type"], change["state"]) == to =>
            [("Approval", "All approvals of the current stage are approved", change["approval"] == ApprovalValues.Approved)],
        _ => [],
    };

    private static JsonObject ToJson((string Name, string Description, bool Passed) condition) => new()
    {
        ["passed"] = condition.Passed,
        ["condition"] = new JsonObject
        {
            ["name"] = condition.Name,
            ["description"] = condition.Description,
            ["sys_id"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(condition.Name)).AsSpan(0, 16)),
        },
    };
}
