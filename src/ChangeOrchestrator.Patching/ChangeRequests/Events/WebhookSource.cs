using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Patching.ChangeRequests.Events;

/// <summary>
/// One desk that sends webhooks, as the receiver sees it: its name (the route <c>/webhooks/{name}</c>, the inbox's
/// source and the desk part of stimulus keys), where its settings live, how its deliveries are verified and read.
/// Each desk registers one; the receiver, the worker and the start rules know no desk by name.
/// </summary>
/// <param name="Name">Lower-case desk name, e.g. <c>servicenow</c>.</param>
/// <param name="ConfigurationKey">The desk's webhook section, e.g. <c>Webhooks:ServiceNow</c>.</param>
/// <param name="Verifier">Checks that a delivery comes from the desk.</param>
/// <param name="Mapper">Reads a delivery's payload into change events.</param>
/// <param name="Options">Read when a delivery comes, not when the source is built, so a bad setting fails its own validation.</param>
public sealed record WebhookSource(
    string Name, string ConfigurationKey, IWebhookVerifier Verifier, IWebhookPayloadMapper Mapper, IOptions<WebhookSourceOptions> Options);
