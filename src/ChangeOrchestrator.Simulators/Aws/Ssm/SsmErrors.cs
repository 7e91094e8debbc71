namespace ChangeOrchestrator.Simulators.Aws.Ssm;

/// <summary>The errors several operations share, with the service's wording where it is known.</summary>
internal static class SsmErrors
{
    public static SsmServiceException Validation(string member, string constraint, object? value = null) => new(
        "ValidationException",
        $"1 validation error detected: Value {(value is null ? "null" : $"'{value}'")} at '{member}' failed to satisfy constraint: {constraint}");

    public static SsmServiceException Required(string member) => Validation(Camel(member), "Member must not be null");

    public static SsmServiceException InvalidNextToken() => new("InvalidNextToken", "The specified token is not valid.");

    public static SsmServiceException InvalidInstanceId(string? detail = null) =>
        new("InvalidInstanceId", detail ?? "Instances not in a valid state for account");

    public static SsmServiceException InvalidCommandId() => new("InvalidCommandId", "");

    public static SsmServiceException Serialization(string detail) => new("SerializationException", detail);

    public static SsmServiceException DoesNotExist(string message) => new("DoesNotExistException", message);

    private static string Camel(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
