namespace ChangeOrchestrator.Server.Http;

/// <summary>The body limit that applies to the current request, for messages that quote it.</summary>
internal sealed record RequestBodyLimit(long Bytes);
