using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Engine.Expressions;

/// <summary>
/// The step outputs an expression reads. A patch change over thousands of servers carries megabytes of step
/// outputs; an expression that names two steps should not pay for copying all of them into JavaScript. When the
/// expression uses <c>steps</c> in any way other than <c>steps.id</c>, <c>steps?.id</c> or <c>steps['id']</c>
/// (say, <c>Object.keys(steps)</c>), every output is given. A spread (<c>...steps.id</c>) is a use; a property
/// of another object named steps (<c>x.steps</c>) is not.
/// </summary>
internal static partial class StepReferences
{
    /// <summary>The step ids the expression names, or null when it needs every step output.</summary>
    public static IReadOnlyList<string>? Of(string expression)
    {
        var named = Named().Matches(expression);
        return named.Count == AnyUse().Matches(expression).Count
            ? [.. named.Select(m => m.Groups["id"].Value).Distinct(StringComparer.Ordinal)]
            : null;
    }

    /// <summary>The outputs of <paramref name="stepIds"/> (all of them when null) that the instance has.</summary>
    public static IEnumerable<KeyValuePair<string, JsonNode?>> Select(IReadOnlyList<string>? stepIds, JsonObject steps) =>
        stepIds is null ? steps : stepIds.Where(steps.ContainsKey).Select(id => KeyValuePair.Create(id, steps[id]));

    [GeneratedRegex(@"(?<![\w$])(?<!(?<!\.)\.)steps(?![\w$])")]
    private static partial Regex AnyUse();

    [GeneratedRegex(@"(?<![\w$])(?<!(?<!\.)\.)steps\s*(?:\?\.|\.)\s*(?<id>[A-Za-z_$][\w$]*)|(?<![\w$])(?<!(?<!\.)\.)steps\s*(?:\?\.)?\[\s*['""](?<id>[^'""]+)['""]\s*\]")]
    private static partial Regex Named();
}
