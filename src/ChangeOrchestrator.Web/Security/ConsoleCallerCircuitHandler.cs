using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http;

namespace ChangeOrchestrator.Web.Security;

/// <summary>Fills <see cref="ConsoleCaller"/> from the connection that opens a circuit.</summary>
internal sealed class ConsoleCallerCircuitHandler(ConsoleCaller caller, IHttpContextAccessor accessor) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context)
        {
            caller.RemoteIp = context.Connection.RemoteIpAddress?.ToString();
            caller.UserAgent = context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;
        }

        return Task.CompletedTask;
    }
}
