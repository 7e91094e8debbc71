using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Tests.Support;

namespace ChangeOrchestrator.Engine.Tests.Activities.Flow;

/// <summary>HttpRequest against a real HTTP listener on a loopback port.</summary>
public sealed class HttpRequestTests : IAsyncLifetime
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Method, string Body)> _received = [];
    private readonly Queue<HttpStatusCode> _answers = new();
    private string _prefix = string.Empty;
    private Task? _serving;

    public Task InitializeAsync()
    {
        var port = FreePort();
        _prefix = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_prefix);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        if (_serving is not null)
        {
            await Task.WhenAny(_serving, Task.Delay(TimeSpan.FromSeconds(5)));
        }
    }

    [Fact]
    public async Task Execute_Success_ContinuesOnDoneWithTheParsedBody()
    {
        _answers.Enqueue(HttpStatusCode.OK);
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flow());

        var instance = await engine.StartAsync("http", new JsonObject { ["url"] = _prefix + "notify" });

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(200, instance.Steps["call"]!["statusCode"]!.GetValue<int>());
        Assert.Equal("pong", instance.Steps["call"]!["body"]!["echo"]!.GetValue<string>());
        Assert.Equal(("POST", """{"text":"patching started"}"""), Assert.Single(_received));
    }

    [Fact]
    public async Task Execute_ServerErrorThenSuccess_IsRetriedByPolicy()
    {
        _answers.Enqueue(HttpStatusCode.ServiceUnavailable);
        _answers.Enqueue(HttpStatusCode.OK);
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flow());

        var instance = await engine.StartAsync("http", new JsonObject { ["url"] = _prefix + "notify" });
        Assert.Equal(InstanceStatus.Suspended, instance.Status);
        await engine.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(InstanceStatus.Completed, (await engine.InstanceAsync(instance.Id)).Status);
        Assert.Equal(2, _received.Count);
    }

    [Fact]
    public async Task Execute_ClientError_ContinuesOnFailedWithoutRetry()
    {
        _answers.Enqueue(HttpStatusCode.BadRequest);
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flow());

        var instance = await engine.StartAsync("http", new JsonObject { ["url"] = _prefix + "notify" });

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(400, instance.Steps["call"]!["statusCode"]!.GetValue<int>());
        Assert.Equal(1, engine.SideEffects.Count("failed"));
        Assert.Single(_received);
    }

    [Fact]
    public async Task Execute_NotAnHttpUrl_FaultsPermanently()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flow());

        var instance = await engine.StartAsync("http", new JsonObject { ["url"] = "file:///etc/passwd" });

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("not an absolute http(s) URL", instance.Incident!.Message);
    }

    private static string Flow() => Flows.Json("http",
        """
        { "id": "call", "type": "HttpRequest", "inputs": { "url": { "js": "input.url" }, "method": "POST", "body": { "js": "({ text: 'patching started' })" } },
          "retry": { "attempts": 3, "backoff": "PT5S" } },
        { "id": "failed", "type": "RecordSideEffect", "inputs": { "label": "failed" } }
        """,
        """{ "from": "call", "outcome": "Failed", "to": "failed" }""",
        """ "inputs": [ { "name": "url", "type": "string", "required": true } ], """);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (_received)
            {
                _received.Add((context.Request.HttpMethod, body));
            }

            var status = _answers.TryDequeue(out var next) ? next : HttpStatusCode.OK;
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json";
            var payload = Encoding.UTF8.GetBytes("""{"echo":"pong"}""");
            await context.Response.OutputStream.WriteAsync(payload);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
