namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>A due timer a killed node had claimed: whose, which activity, when it was due and until when the claim kept others off.</summary>
internal sealed record ChaosClaim(string InstanceId, string ActivityId, DateTimeOffset DueAt, DateTimeOffset ClaimedUntil);
