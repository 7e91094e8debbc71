namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

/// <summary>
/// ListCommands / ListCommandInvocations filters, sent with lower-case <c>key</c>/<c>value</c> members.
/// Applied to a command and, for invocations, to the invocation's own status.
/// </summary>
internal sealed record CommandFilter(string Key, string Value, DateTimeOffset? Instant)
{
    private static readonly string[] Statuses = ["Pending", "InProgress", "Success", "Cancelled", "Failed", "TimedOut", "Cancelling"];

    public static IReadOnlyList<CommandFilter> Parse(SsmInput input)
    {
        var filters = input.Objects("Filters");
        if (filters.Count > 5)
        {
            throw SsmErrors.Validation("filters", "Member must have length less than or equal to 5");
        }

        return [.. filters.Select(filter =>
        {
            var key = filter.RequiredString("key");
            var value = filter.RequiredString("value");
            switch (key)
            {
                case "InvokedAfter" or "InvokedBefore":
                    return SsmJson.TryParseIso(value, out var instant)
                        ? new CommandFilter(key, value, instant)
                        : throw new SsmServiceException("InvalidFilterKey", $"The filter value '{value}' is not a valid ISO-8601 date.");
                case "Status" when !Statuses.Contains(value, StringComparer.Ordinal):
                    throw new SsmServiceException("InvalidFilterKey", $"The filter value '{value}' is not a valid command status.");
                case "Status" or "DocumentName" or "ExecutionStage":
                    return new CommandFilter(key, value, null);
                default:
                    throw new SsmServiceException("InvalidFilterKey", $"The filter key '{key}' is not valid.");
            }
        })];
    }

    public bool Matches(RunCommand command, string status) => Key switch
    {
        "InvokedAfter" => command.RequestedAt >= Instant,
        "InvokedBefore" => command.RequestedAt <= Instant,
        "Status" => status == Value,
        "DocumentName" => command.DocumentName == Value,
        _ => Value == (InvocationStatus.IsTerminal(status) ? "Complete" : "Executing"),
    };
}
