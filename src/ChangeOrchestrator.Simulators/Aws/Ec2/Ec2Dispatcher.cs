using System.Text;
using System.Xml.Linq;
using ChangeOrchestrator.Simulators.Aws.Faults;
using ChangeOrchestrator.Simulators.Aws.Throttling;

namespace ChangeOrchestrator.Simulators.Aws.Ec2;

/// <summary>
/// The EC2 side of the endpoint (Query protocol): routes the form's <c>Action</c> after authorization, counting
/// and faults; answers in the 2016-11-15 namespace, errors in the namespace-less <c>&lt;Response&gt;</c> envelope.
/// </summary>
internal sealed class Ec2Dispatcher(IEnumerable<IEc2Action> actions, AwsSimulation simulation, AwsFaultInjector faults, AwsCallCounters counters, AwsRequestRateLimiter rates)
{
    private readonly Dictionary<string, IEc2Action> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var requestId = Guid.NewGuid().ToString();
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var name = form["Action"].ToString();
        var counter = counters.For("EC2", name.Length > 0 ? name : "(none)");
        counter.Started();
        try
        {
            var body = await RunAsync(context, form, name, counter, cancellationToken);
            var document = new XElement(Ec2Xml.Ns + $"{name}Response", new XElement(Ec2Xml.Ns + "requestId", requestId), body);
            await WriteAsync(context, StatusCodes.Status200OK, document, cancellationToken);
        }
        catch (Ec2ServiceException error)
        {
            counter.Failed();
            var document = new XElement("Response",
                new XElement("Errors", new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message))),
                new XElement("RequestID", requestId));
            await WriteAsync(context, error.StatusCode, document, cancellationToken);
        }
        finally
        {
            counter.Ended();
        }
    }

    private async Task<IReadOnlyList<XElement>> RunAsync(
        HttpContext context, IFormCollection form, string name, CallCounter counter, CancellationToken cancellationToken)
    {
        switch (AwsAuthorization.Check(context.Request, "ec2"))
        {
            case AuthorizationOutcome.Missing:
            case AuthorizationOutcome.Malformed:
                throw new Ec2ServiceException("AuthFailure", "AWS was not able to validate the provided access credentials", StatusCodes.Status401Unauthorized);
            case AuthorizationOutcome.WrongService:
                throw new Ec2ServiceException("AuthFailure", "Credential should be scoped to correct service: 'ec2'.", StatusCodes.Status401Unauthorized);
        }

        if (name.Length == 0)
        {
            throw new Ec2ServiceException("MissingAction", "The request must contain the parameter Action");
        }

        if (!_actions.TryGetValue(name, out var action))
        {
            throw new Ec2ServiceException("InvalidAction", $"The action {name} is not valid for this web service.");
        }

        var decision = faults.Decide("EC2", name);
        if (decision.Latency > TimeSpan.Zero)
        {
            await Task.Delay(decision.Latency, cancellationToken);
        }

        if (decision.Failure == FaultKind.Throttle || !rates.TryTake(context.Request, "EC2", name))
        {
            counter.Throttled();
            throw new Ec2ServiceException("RequestLimitExceeded", "Request limit exceeded.", StatusCodes.Status503ServiceUnavailable);
        }

        if (decision.Failure == FaultKind.ServerError)
        {
            counter.InjectedError();
            throw new Ec2ServiceException("InternalError", "An internal error has occurred", StatusCodes.Status500InternalServerError);
        }

        var input = new Ec2Input(form);
        return simulation.Execute(world => action.Execute(input, world).ToList());
    }

    private static async Task WriteAsync(HttpContext context, int status, XElement root, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml;charset=UTF-8";
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting);
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }
}
