using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using ChangeOrchestrator.Persistence.Webhooks;
using ChangeOrchestrator.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// Takes in one delivery: rate limit, size limit, verification, staleness, then the durable ack: the delivery is
/// committed to the inbox before 202 is answered, so a crash after the answer loses nothing, and its processing
/// happens afterwards. A redelivery within the replay window answers 200 and has no effect.
/// </summary>
internal sealed class WebhookReceiver(
    IWebhookInbox inbox,
    IWebhookRejectionLog rejections,
    WebhookInboxSignal signal,
    WebhookRateLimiters rateLimiters,
    IOptions<WebhooksOptions> options,
    TimeProvider time,
    ILogger<WebhookReceiver> logger)
{
    private const int MaxDeliveryIdLength = 128;

    public async Task<Results<Accepted<WebhookAcceptance>, Ok<WebhookRedelivery>, ProblemHttpResult>> ReceiveAsync(
        WebhookSource desk, HttpContext context, CancellationToken cancellationToken)
    {
        var source = desk.Name;
        var settings = options.Value;
        var remoteIp = context.Connection.RemoteIpAddress?.ToString();
        if (!desk.Options.Value.IsConfigured)
        {
            // Without a secret nothing could be verified: the endpoint is off rather than open.
            WebhookLog.Refused(logger, source, remoteIp, StatusCodes.Status404NotFound, "no secret configured");
            return TypedResults.Problem(
                title: "Webhook source not configured",
                detail: $"No secret is configured for {source} webhooks ({desk.ConfigurationKey}:Secrets), so none are accepted.",
                statusCode: StatusCodes.Status404NotFound);
        }

        using var lease = await rateLimiters.AcquireAsync(source, cancellationToken);
        if (!lease.IsAcquired)
        {
            WebhookLog.Refused(logger, source, remoteIp, StatusCodes.Status429TooManyRequests, "rate limit");
            context.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(title: "Too many webhook deliveries", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var body = await BoundedBody.ReadAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            WebhookLog.Refused(logger, source, remoteIp, StatusCodes.Status413PayloadTooLarge, "body too large");
            return TypedResults.Problem(
                title: "Webhook body too large",
                detail: $"Deliveries may be at most {settings.MaxBodyBytes} bytes (Webhooks:MaxBodyBytes).",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var headers = Headers(context.Request.Headers);
        var verification = desk.Verifier.Verify(headers, body);
        if (!verification.Verified)
        {
            return await RejectAsync(source, remoteIp, verification.Reason!, cancellationToken);
        }

        if (Parse(body) is not { } payload)
        {
            WebhookLog.Refused(logger, source, remoteIp, StatusCodes.Status400BadRequest, "body is not a JSON object");
            return TypedResults.Problem(title: "Webhook body is not a JSON object", statusCode: StatusCodes.Status400BadRequest);
        }

        var now = time.GetUtcNow();
        var mapping = WebhookMapping.From(desk.Mapper.Map(payload));
        if (mapping.Timestamp is { } sent && sent < now - settings.ReplayWindow)
        {
            return await RejectAsync(source, remoteIp, $"stale delivery: sent {sent:O}, before the replay window of {settings.ReplayWindow}", cancellationToken);
        }

        var dedupeKey = DedupeKey(desk.Verifier.DeliveryId(headers), body);
        var id = Guid.CreateVersion7(now).ToString("N");
        var entry = new WebhookInboxEntry(id, source, dedupeKey, Encoding.UTF8.GetString(body), remoteIp, now, now + settings.ReplayWindow);

        // Not the request's token: once the client has sent everything, the store must not be abandoned half-way.
        if (!await inbox.AcceptAsync(entry, CancellationToken.None))
        {
            WebhookLog.Duplicate(logger, source, dedupeKey);
            return TypedResults.Ok(new WebhookRedelivery(Duplicate: true));
        }

        WebhookLog.Accepted(logger, id, source, dedupeKey);
        signal.Notify();
        return TypedResults.Accepted((string?)null, new WebhookAcceptance(id));
    }

    private async Task<ProblemHttpResult> RejectAsync(string source, string? remoteIp, string reason, CancellationToken cancellationToken)
    {
        await rejections.RecordAsync(new WebhookRejection(source, remoteIp, reason, time.GetUtcNow()), cancellationToken);
        return TypedResults.Problem(
            title: "Webhook verification failed",
            detail: "The delivery could not be verified as coming from the configured service desk.",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// The sender's delivery id when it sends one (stable across its retries), else the SHA-256 of the body, which
    /// recognises a byte-identical replay.
    /// </summary>
    private static string DedupeKey(string deliveryId, byte[] body) =>
        deliveryId.Length is > 0 and <= MaxDeliveryIdLength && !deliveryId.Contains(',', StringComparison.Ordinal)
            ? "id:" + deliveryId
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>The headers as the desks' verifiers take them: no ASP.NET types, looked up without regard to case.</summary>
    private static Dictionary<string, string[]> Headers(IHeaderDictionary headers) =>
        headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase);

    private static JsonObject? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
