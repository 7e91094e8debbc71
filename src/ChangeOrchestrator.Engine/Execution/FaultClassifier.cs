using System.Net;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Expressions;

namespace ChangeOrchestrator.Engine.Execution;

/// <summary>Turns whatever an activity threw into a transient or permanent fault.</summary>
internal static class FaultClassifier
{
    public static ActivityException Classify(Exception exception) => exception switch
    {
        ActivityException activity => activity,
        ExpressionException expression => new ActivityException(expression.Message, isTransient: false, expression),
        HttpRequestException http when http.StatusCode is null or >= HttpStatusCode.InternalServerError
            or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => new ActivityException(http.Message, isTransient: true, http),
        TimeoutException timeout => new ActivityException(timeout.Message, isTransient: true, timeout),
        _ => new ActivityException(exception.Message, isTransient: false, exception),
    };
}
