using ChangeOrchestrator.Simulators.ServiceNow.Http;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>The record a write produced, or why it was refused; fields the write could not set are listed.</summary>
internal sealed record WriteOutcome(ServiceNowRecord? Record, ServiceNowError? Error, IReadOnlyList<string> IgnoredFields)
{
    public static WriteOutcome Saved(ServiceNowRecord record, IReadOnlyList<string> ignoredFields) => new(record, null, ignoredFields);

    public static WriteOutcome Refused(ServiceNowError error) => new(null, error, []);
}
