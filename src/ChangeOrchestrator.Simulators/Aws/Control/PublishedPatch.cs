namespace ChangeOrchestrator.Simulators.Aws.Control;

/// <summary>The answer to <c>POST _control/patches</c>.</summary>
internal sealed record PublishedPatch(string KbId, string Title, string Product, DateTimeOffset ReleaseDate);
