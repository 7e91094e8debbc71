using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// Keeps a failure of one Monaco editor inside that editor. Without a boundary, any exception in the editor's life
/// cycle ends the whole connection, and the designer stops answering with the person's unsaved changes in it. The
/// known one is a race in BlazorMonaco: an editor removed (another activity selected) after its first render was
/// sent but before the browser confirmed it still gets its after-render call, which reads its disposed .NET
/// reference. By then the editor is gone from the page, so nothing is lost but the exception.
/// </summary>
public sealed partial class ExpressionEditorBoundary
{
    [Inject]
    private ILogger<ExpressionEditorBoundary> Logger { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        if (exception is ObjectDisposedException)
        {
            LogRemovedEditor(Logger, exception.Message);
        }
        else
        {
            LogFailed(Logger, exception);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Debug, Message = "An expression editor removed before its first render was confirmed could not start: {Reason}")]
    private static partial void LogRemovedEditor(ILogger logger, string reason);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "An expression editor failed; the designer goes on without it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
