using System.Text.Json.Serialization;
using ChangeOrchestrator.Patching.Policies;

namespace ChangeOrchestrator.Server.Policies;

/// <summary>Whether the policy folder is valid; when it is not, every error with its file and line.</summary>
public sealed record PolicyValidation(
    bool Valid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PolicyError>? Errors = null);
