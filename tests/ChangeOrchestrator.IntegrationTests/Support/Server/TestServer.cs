using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.IntegrationTests.Support.Server;

/// <summary>The real server (same composition as Program.cs) on a loopback port, with a client for its API.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    // 'services' replaces parts of the real composition, e.g. a store that fails, for tests of how the server copes.
    public static async Task<TestServer> StartAsync(string workflowsFolder, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        // The port is chosen before the server binds it, so another socket of a test running beside this one can take
        // it in between; a fresh port then, a few times, rather than a failed test.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(workflowsFolder, settings, services);
            }
            catch (IOException error) when (error.InnerException is AddressInUseException && attempt < 3)
            {
            }
        }
    }

    private static async Task<TestServer> StartOnceAsync(string workflowsFolder, IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        // A fixed port: the sandbox connectors need to know where the server's own simulators listen before it starts.
        builder.WebHost.UseUrls($"http://127.0.0.1:{LoopbackPort.Free()}");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workflows:Folder"] = workflowsFolder,
            ["Runtime:TimerPollInterval"] = "00:00:00.050",

            // The sandbox is on by default only in Development; these tests run in Testing and want it unless they say.
            ["Sandbox:Enabled"] = "true",

            // A database of its own unless the test names one: the embedded default, in a file no other test uses.
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("co-server-").FullName, "co.db")}",
        });
        builder.Configuration.AddInMemoryCollection(TestKeys.AsConfiguration(":").Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddChangeOrchestrator();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseChangeOrchestrator();
        try
        {
            await app.StartAsync();
        }
        catch (IOException)
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestServer(app, ClientFor(new Uri(address), TestKeys.Admin));
    }

    /// <summary>A client presenting the given key (or none), for authorization tests.</summary>
    public HttpClient ClientWithKey(string? key) => ClientFor(Client.BaseAddress!, key);

    private static HttpClient ClientFor(Uri baseAddress, string? key)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public async Task<JsonNode> PostJsonAsync(string path, object body, System.Net.HttpStatusCode expected)
    {
        using var response = await Client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: expected {expected}, got {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> GetJsonAsync(string path, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: expected {expected}, got {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
