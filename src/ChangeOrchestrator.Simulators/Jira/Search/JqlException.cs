namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary>A query Jira would refuse with 400; the message is the one Jira puts in errorMessages.</summary>
internal sealed class JqlException(string message) : Exception(message);
