using System.Globalization;
using System.Text;
using ChangeOrchestrator.Simulators.Jira.Wire;
using Microsoft.AspNetCore.WebUtilities;

namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>Writes an injected or rate-limit failure with Jira's throttling headers (429) or Retry-After (503).</summary>
internal sealed class JiraFaultResult(JiraFaultResponse response, DateTimeOffset now) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => response.Status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var headers = httpContext.Response.Headers;
        httpContext.Response.StatusCode = response.Status;
        if (!response.OmitRateLimitHeaders && response.RetryAfterSeconds is { } retryAfter)
        {
            headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        if (response.Status == StatusCodes.Status429TooManyRequests && !response.OmitRateLimitHeaders)
        {
            var reset = now + TimeSpan.FromSeconds(response.RetryAfterSeconds ?? 1);
            headers["X-RateLimit-Reset"] = JiraDates.RateLimitReset(reset);
            headers["X-RateLimit-Limit"] = "100";
            headers["X-RateLimit-Remaining"] = "0";
            headers["RateLimit-Reason"] = "jira-burst-based";
        }

        if (response.Body is { } body)
        {
            httpContext.Response.ContentType = response.ContentType ?? "text/plain;charset=UTF-8";
            await httpContext.Response.WriteAsync(body, Encoding.UTF8, httpContext.RequestAborted);
            return;
        }

        var message = response.Status == StatusCodes.Status429TooManyRequests
            ? "Rate limit exceeded."
            : ReasonPhrases.GetReasonPhrase(response.Status);
        httpContext.Response.ContentType = "application/json;charset=UTF-8";
        var json = JiraErrors.ErrorCollectionJson([message], null);
        await httpContext.Response.WriteAsync(json.ToJsonString(), Encoding.UTF8, httpContext.RequestAborted);
    }
}
