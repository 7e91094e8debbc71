using System.Net;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Resilience;

/// <summary>
/// The one place where an unsuccessful answer becomes a transient or permanent <see cref="ServiceDeskHttpException"/>:
/// no answer, 408, 429 and 5xx are transient (and 409 where the desk says a retry resolves it); every other status is
/// permanent. Messages quote what the desk said, never the request and so never its credentials.
/// </summary>
internal static class HttpFailureClassifier
{
    private const int MaxQuoteLength = 500;

    /// <summary>The failure of <paramref name="operation"/>; <paramref name="describe"/> extracts the desk's own explanation from the body.</summary>
    public static ServiceDeskHttpException Classify(
        string desk,
        string operation,
        RestResponse response,
        Func<RestResponse, string?> describe,
        DateTimeOffset now,
        bool conflictIsTransient = false)
    {
        var status = (int)response.StatusCode;
        if (status == 0)
        {
            var reason = response.ResponseStatus == ResponseStatus.TimedOut ? "timed out" : response.ErrorException?.Message ?? response.ErrorMessage ?? "no answer";
            return new ServiceDeskHttpException(desk, $"{desk} did not answer {operation}: {reason}", isTransient: true, statusCode: null, response.ErrorException);
        }

        var transient = status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500
            || (conflictIsTransient && status == (int)HttpStatusCode.Conflict);
        var said = Quote(describe(response));
        var message = $"{desk} answered {status} {Phrase(response)} to {operation}" + (said is null ? "" : ": " + said);
        return new ServiceDeskHttpException(desk, message, transient, status)
        {
            RetryAfter = transient ? RetryAfterHeader.Read(response, now) : null,
        };
    }

    private static string Phrase(RestResponse response) =>
        string.IsNullOrWhiteSpace(response.StatusDescription) ? ((HttpStatusCode)(int)response.StatusCode).ToString() : response.StatusDescription;

    private static string? Quote(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var single = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return single.Length <= MaxQuoteLength ? single : single[..MaxQuoteLength] + "…";
    }
}
