using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Support;

/// <summary>
/// One real server for all console tests (same composition as Program.cs) in sandbox mode on PostgreSQL: the
/// simulated ServiceNow, Jira and fleet mounted under <c>/sim</c>, the simulated clock fast, the repository's
/// workflows plus two of the tests' own; and one headless Debian chromium driven by Playwright.
/// </summary>
public sealed class ConsoleServer : IAsyncLifetime
{
    public const string ApiKey = "ui-test-admin-key-0001";

    private readonly string _workflows = Directory.CreateTempSubdirectory("co-ui-workflows-").FullName;
    private UiDatabase? _database;
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IdentityProvider? _identityProvider;
    private Task? _complianceHistory;

    public Uri BaseAddress { get; private set; } = default!;

    public HttpClient Api { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public FlakyEndpoint Flaky { get; } = new();

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Workflows, "*.json"))
        {
            File.Copy(file, Path.Combine(_workflows, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(_workflows, "ui-bulk.json"), TestWorkflows.Waiting("ui-bulk"));
        await File.WriteAllTextAsync(Path.Combine(_workflows, "ui-flaky.json"), TestWorkflows.Flaky("ui-flaky", Flaky.Url));

        _database = await UiDatabase.CreateAsync();
        var port = FlakyEndpoint.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _identityProvider = await IdentityProvider.StartAsync(BaseAddress);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "ChangeOrchestrator.Server",
        });
        builder.WebHost.UseUrls(BaseAddress.ToString().TrimEnd('/'));
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(Settings());
        builder.Configuration.AddInMemoryCollection(ConsoleUsers.AsConfiguration());
        builder.AddChangeOrchestrator();
        _app = builder.Build();
        _app.UseChangeOrchestrator();
        await _app.StartAsync();

        Api = new HttpClient { BaseAddress = BaseAddress };
        Api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHANGEORCHESTRATOR_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }

        Api?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_identityProvider is not null)
        {
            await _identityProvider.DisposeAsync();
        }

        Flaky.Dispose();
        Directory.Delete(_workflows, recursive: true);
    }

    /// <summary>A new browser context (own cookies) with a page signed in as <paramref name="user"/>.</summary>
    public async Task<ConsolePage> SignInAsync(string user)
    {
        var page = await OpenAnonymousAsync();
        await page.SignInAsync(user, ConsoleUsers.Password);
        return page;
    }

    /// <summary>A new browser context (own cookies) with a blank page, signed in as nobody: for the sign-in pages and the simulated desks.</summary>
    public async Task<ConsolePage> OpenAnonymousAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout(30_000);

        // A page's answer to a click (an event on the server, a render back) waits for a core while the other test
        // assemblies saturate the machine; Playwright's own 5 s for expectations is shorter than such a stall.
        Assertions.SetDefaultExpectTimeout(15_000);
        return new ConsolePage(context, await context.NewPageAsync());
    }

    /// <summary>Starts an instance through the API (test setup only; the scenarios act through the browser).</summary>
    public async Task<string> StartThroughApiAsync(string definitionId, JsonObject input, string? correlationId = null)
    {
        using var response = await Api.PostAsJsonAsync("api/instances", new JsonObject { ["definitionId"] = definitionId, ["input"] = input, ["correlationId"] = correlationId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"start {definitionId}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    /// <summary>Starts the repository's approval-demo workflow, which waits on the approval of change <paramref name="number"/> in ServiceNow.</summary>
    public Task<string> StartAwaitingApprovalAsync(string number, string? correlationId = null) =>
        StartThroughApiAsync("approval-demo", new JsonObject { ["changeKey"] = $"servicenow:{number}" }, correlationId);

    /// <summary>
    /// Compliance history for the dashboard tests: one run of the repository's nightly scan over the Dev patch group,
    /// started once per server and awaited by every test that needs it.
    /// </summary>
    public Task EnsureComplianceHistoryAsync() => _complianceHistory ??= ScanDevAsync();

    public async Task<string> StatusAsync(string instanceId) => (await InstanceAsync(instanceId))["status"]!.GetValue<string>();

    public async Task<JsonNode> InstanceAsync(string instanceId) => JsonNode.Parse(await Api.GetStringAsync($"api/instances/{instanceId}"))!;

    public async Task<JsonNode> AuditAsync(string query) => JsonNode.Parse(await Api.GetStringAsync($"api/audit?{query}"))!;

    private async Task ScanDevAsync()
    {
        var id = await StartThroughApiAsync("scheduled-scan", new JsonObject { ["patchGroups"] = new JsonArray("Dev"), ["pollInterval"] = "PT1S", ["maxPollInterval"] = "PT2S" });
        for (var attempt = 0; attempt < 600 && await StatusAsync(id) is "Running" or "Suspended"; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal("Completed", await StatusAsync(id));
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Persistence:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = _database!.ConnectionString,
        ["Workflows:Folder"] = _workflows,
        ["Sandbox:Enabled"] = "true",
        ["Sandbox:BaseUrl"] = BaseAddress.ToString(),
        ["Runtime:TimerPollInterval"] = "00:00:00.100",

        // Simulated installs, snapshots and reboots take minutes; at this scale they take a fraction of a second.
        ["Simulators:Clock:TimeScale"] = "3000",
        ["Auth:Local:LoginPermitLimit"] = "1000",
        ["Auth:ApiKeys:0:Name"] = "ui-test-setup",
        ["Auth:ApiKeys:0:Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
        ["Auth:ApiKeys:0:Roles:0"] = "Admin",

        // People of the organisation sign in at its identity provider; its role group maps to Operator.
        ["Auth:Oidc:Authority"] = _identityProvider!.Authority.ToString(),
        ["Auth:Oidc:Audience"] = "changeorchestrator",
        ["Auth:Oidc:RequireHttpsMetadata"] = "false",
        ["Auth:Oidc:RoleClaim"] = "role",
        [$"Auth:Oidc:RoleMap:{IdentityProvider.ProviderRole}"] = "Operator",
        ["Auth:Oidc:Console:ClientId"] = IdentityProvider.ClientId,
        ["Auth:Oidc:Console:ClientSecret"] = IdentityProvider.ClientSecret,
        ["Auth:Oidc:Console:DisplayName"] = "the test identity provider",
        ["Auth:Oidc:Console:Scopes:0"] = "roles",
    };
}
