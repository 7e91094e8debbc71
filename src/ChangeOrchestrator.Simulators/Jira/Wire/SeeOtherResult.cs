namespace ChangeOrchestrator.Simulators.Jira.Wire;

/// <summary>303 See Other: the browser follows with a GET.</summary>
internal sealed class SeeOtherResult(string location) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status303SeeOther;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
