using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Server.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.IntegrationTests.Security;

/// <summary>What an attacker or a careless reader should not get: internals in errors, secrets in settings or logs, frames, big bodies.</summary>
public sealed class HardeningTests : IAsyncLifetime
{
    private const string DeskPassword = "desk-pa55word-7781";
    private const string JiraToken = "jira-token-ATATT3xFf";
    private const string DatabasePassword = "pg-pa55-0042";
    private const string ProxyPassword = "proxy-pw-991";
    private const string UserPassword = "user-password-4410";
    private const string Failure = "connection to 10.1.2.3 refused for user 'co_app'";

    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);
    private readonly LogRecorder _logs = new();
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(
        _workflows.Path,
        new Dictionary<string, string?>
        {
            ["ServiceDesk:ServiceNow:Password"] = DeskPassword,
            ["ServiceDesk:Jira:ApiToken"] = JiraToken,
            ["ConnectionStrings:Reporting"] = $"Host=db.internal;Username=report;Password={DatabasePassword}",
            ["Proxy:Url"] = $"http://proxyuser:{ProxyPassword}@proxy.internal:3128",
            ["Auth:Local:Users:0:Name"] = "uma",
            ["Auth:Local:Users:0:PasswordHash"] = PasswordHashes.Hash(UserPassword, PasswordHashes.MinimumIterations),
            ["Auth:Local:Users:0:Roles:0"] = "Viewer",
            ["Api:Limits:MaxBodyBytes"] = "2048",
            ["Api:Limits:MaxDefinitionBodyBytes"] = "8192",
            ["Logging:LogLevel:Default"] = "Debug",
        },
        services =>
        {
            services.AddSingleton<ILoggerProvider>(_logs);
            services.AddSingleton<IWorkflowInstanceQueries, FailingQueries>();
        });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Theory]
    [InlineData("/api/definitions")]
    [InlineData("/health/live")]
    [InlineData("/auth/me")]
    public async Task AnyResponse_CarriesTheSecurityHeaders(string path)
    {
        using var response = await _server.Server.Client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnexpectedFailure_Is500ProblemWithoutInternals()
    {
        using var response = await _server.Server.Client.GetAsync("/api/instances");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("10.1.2.3", text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(FailingQueries), text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_AsAdmin_ShowsConfigurationWithEverySecretRedacted()
    {
        using var response = await _server.Server.Client.GetAsync("/api/settings");
        var text = await response.Content.ReadAsStringAsync();
        var settings = JsonNode.Parse(text)!["settings"]!;
        using var asViewer = await _server.Server.ClientWithKey(TestKeys.ByRole["Viewer"]).GetAsync("/api/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var secret in new[] { DeskPassword, JiraToken, DatabasePassword, ProxyPassword, Sha256Of(TestKeys.Admin), "pbkdf2-sha256" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Equal("***", settings["ServiceDesk:ServiceNow:Password"]!.GetValue<string>());
        Assert.Equal("***", settings["Auth:ApiKeys:0:Sha256"]!.GetValue<string>());
        Assert.Equal("test-admin", settings["Auth:ApiKeys:0:Name"]!.GetValue<string>());
        Assert.Equal("Host=db.internal;Username=report;Password=***", settings["ConnectionStrings:Reporting"]!.GetValue<string>());
        Assert.Equal("http://***@proxy.internal:3128", settings["Proxy:Url"]!.GetValue<string>());
        Assert.Equal(_workflows.Path, settings["Workflows:Folder"]!.GetValue<string>());
        Assert.DoesNotContain("PATH", settings.AsObject().Select(p => p.Key));
        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
    }

    [Theory]
    [InlineData("/api/events/big/one", 2049, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("/api/events/big/two", 2000, HttpStatusCode.Accepted)]
    [InlineData("/api/definitions/validate", 8193, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("/api/definitions/validate", 8000, HttpStatusCode.BadRequest)]
    public async Task Body_OverTheConfiguredLimit_Is413Problem(string path, int size, HttpStatusCode expected)
    {
        var body = "{\"pad\":\"" + new string('p', size - 10) + "\"}";

        using var declared = await _server.Server.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        using var streamed = await _server.Server.Client.PostAsync(path, new ChunkedContent(Encoding.UTF8.GetBytes(body), "application/json"));

        Assert.Equal(expected, declared.StatusCode);
        Assert.Equal(expected, streamed.StatusCode);
        if (expected == HttpStatusCode.RequestEntityTooLarge)
        {
            Assert.Contains("limit", (await declared.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty((await streamed.Content.ReadFromJsonAsync<JsonObject>())!["detail"]?.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Logs_AfterLoginsAndKeys_HoldNoSecret()
    {
        using var client = _server.Server.ClientWithKey(null);
        using var wrongLogin = await client.PostAsJsonAsync("/auth/login", new { username = "uma", password = "wrong-" + UserPassword });
        using var rightLogin = await client.PostAsJsonAsync("/auth/login", new { username = "uma", password = UserPassword });
        using var badKey = _server.Server.ClientWithKey("co_leaked_key_0123456789abcdef");
        using var badKeyCall = await badKey.GetAsync("/api/definitions");
        using var goodKeyCall = await _server.Server.Client.PostAsJsonAsync("/api/events/log/check", new { note = "n" });
        using var bearer = _server.Server.ClientWithKey(null);
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        using var bearerCall = await bearer.GetAsync("/api/definitions");

        var logged = _logs.Text;

        Assert.Equal(HttpStatusCode.OK, rightLogin.StatusCode);
        Assert.NotEmpty(logged);
        foreach (var secret in new[] { UserPassword, "co_leaked_key_0123456789abcdef", TestKeys.Admin, DeskPassword, JiraToken, DatabasePassword, ProxyPassword, "c2lnbmF0dXJl" })
        {
            Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
        }
    }

    private static string Sha256Of(string key) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private sealed class FailingQueries : IWorkflowInstanceQueries
    {
        public Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Failure);

        public Task<long> CountAsync(InstanceQuery query, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Failure);

        public Task<IReadOnlyDictionary<InstanceStatus, long>> CountByStatusAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Failure);

        public Task<IReadOnlyDictionary<string, long>> VersionsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Failure);
    }

    /// <summary>Every log message and exception the server writes, as one text.</summary>
    private sealed class LogRecorder : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string Text => string.Join(Environment.NewLine, _lines);

        public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Recorder(LogRecorder owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var structured = state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join(";", values.Select(v => $"{v.Key}={v.Value}")) : string.Empty;
                owner._lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} [{structured}] {exception}");
            }
        }
    }
}
