using System.ComponentModel;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Activities.Flow;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Patching.ActivityEdge;

namespace ChangeOrchestrator.Patching.Notifications;

/// <summary>
/// Posts a message to a chat webhook. The request carries the activity's idempotency key, stable across a crash and
/// its re-run, so a receiver that honours it shows the message once. A failure that may pass (network, 408, 429,
/// 5xx) is thrown as transient while the activity's retry policy has attempts left; after that, or for a permanent
/// refusal, an optional notification continues on Failed and a required one faults. Webhook URLs carry their secret
/// in the path or the query, so only the scheme and host ever reach the journal or an error.
/// </summary>
[Activity("Posts a message (title, text, fields) to a chat webhook as Slack, Teams or plain JSON, with an Idempotency-Key header; network errors, 408, 429 and 5xx are retried per the activity's retry policy; then continues on Failed, or faults when required.", Category = "Notifications")]
[Outcomes("Done", "Failed")]
public sealed class Notify(IHttpClientFactory httpClientFactory) : PatchingActivity<Notify.Input, Notify.Output>
{
    public const string HttpClientName = "notify";

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ActivityException($"Notify '{context.ActivityId}': url must be an absolute http(s) URL.", isTransient: false);
        }

        if (input.Timeout <= TimeSpan.Zero)
        {
            throw new ActivityException($"Notify '{context.ActivityId}': timeout must be positive; {input.Timeout} is not.", isTransient: false);
        }

        var receiver = url.GetLeftPart(UriPartial.Authority);
        var payload = NotificationPayload.For(input.Format, input.Title, input.Text ?? "", input.Fields, context.InstanceId, context.Definition.Id);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(payload) };
        request.Headers.TryAddWithoutValidation(HttpRequest.IdempotencyHeader, context.IdempotencyKey);

        // The timeout bounds real network I/O, so it runs on the system clock rather than the engine's.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(input.Timeout);
        HttpStatusCode status;
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            status = response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            return Fail(context, transient: true, $"{receiver} could not be reached: {ex.HttpRequestError} ({ex.InnerException?.Message ?? ex.Message})", null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(context, transient: true, $"{receiver} did not answer within {XmlConvert.ToString(input.Timeout)}", null);
        }

        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            context.Journal($"Notified {receiver} ({input.Format.ToString().ToLowerInvariant()}, {code})");
            return Done(new Output { StatusCode = code, Attempts = context.Attempt });
        }

        var transient = status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || code >= 500;
        return Fail(context, transient, $"{receiver} answered {code}", code);
    }

    private static ActivityResult Fail(ActivityContext<Input> context, bool transient, string problem, int? statusCode)
    {
        var message = $"Notify '{context.ActivityId}': {problem}";
        var lastAttempt = context.Attempt >= (context.Node.Retry?.Attempts ?? 1);
        if ((transient && !lastAttempt) || context.Input.Required)
        {
            throw new ActivityException(message, transient);
        }

        context.Journal($"{message}; the notification is optional, so the workflow goes on");
        return Outcome("Failed", new Output { StatusCode = statusCode, Error = problem, Attempts = context.Attempt });
    }

    public sealed record Input
    {
        [Description("The webhook, an absolute http(s) URL; kept out of logs and the journal beyond its host.")]
        [Format(ValueFormat.Uri)]
        public required string Url { get; init; }

        [Description("The message.")]
        public required string? Text { get; init; }

        [Description("A heading above the message.")]
        public string? Title { get; init; }

        [Description("Name-value pairs shown under the message (Slack fields, a Teams fact set, or fields in JSON).")]
        public JsonObject? Fields { get; init; }

        [Description("json (the default: { title, text, fields, instanceId, workflow }), slack or teams.")]
        public NotificationFormat Format { get; init; } = NotificationFormat.Json;

        [Description("Fault when the message cannot be delivered instead of continuing on Failed; false by default.")]
        public bool Required { get; init; }

        [Description("How long one attempt may wait for the webhook (ISO 8601); PT30S by default.")]
        public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    }

    public sealed record Output
    {
        [Description("The webhook's answer; absent when it could not be reached.")]
        public int? StatusCode { get; init; }

        [Description("Why the message was not delivered, on Failed.")]
        public string? Error { get; init; }

        [Description("Attempts made, retries included.")]
        public required int Attempts { get; init; }
    }
}
