namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// A target or task registered with a maintenance window, flattened to the fields the policy sets (as
/// <see cref="WindowParts"/> names them). <paramref name="Managed"/> when this product registered it: targets carry
/// the owner information, tasks the description, <c>managed-by=changeorchestrator</c>.
/// </summary>
public sealed record DeployedWindowPart(string Id, string? Name, bool Managed, IReadOnlyDictionary<string, string> Fields);
