using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Jira.Wire;

/// <summary>A parsed request body, or the response that refuses it.</summary>
internal sealed record JiraBody(JsonObject? Json, IResult? Error)
{
    [MemberNotNullWhen(true, nameof(Json))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Json is not null;
}
