namespace ChangeOrchestrator.Server.Settings;

/// <summary>The answer of <c>GET /api/settings</c>: the environment and every configuration key with its value, secrets redacted.</summary>
public sealed record EffectiveSettings(string Environment, IReadOnlyDictionary<string, string?> Settings);
