namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>One request as received, for assertions on what a client sent (headers include Authorization).</summary>
internal sealed record RecordedRequest(
    long Sequence,
    string Route,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
