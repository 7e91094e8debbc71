using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Server.Security;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Security;

/// <summary>
/// Sessions of local logins kept on the server, and the key ring that protects them kept in the database, encrypted
/// with a certificate: one node reads another's session, and a logout ends a session for every copy of its cookie.
/// </summary>
public sealed class SessionKeyRingTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    private readonly WorkflowFolder _workflows = new();
    private readonly string _certificateFolder = Directory.CreateTempSubdirectory("co-keyring-").FullName;
    private PostgresTestDatabase _database = null!;
    private TestServer _first = null!;
    private TestServer _second = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var certificate = Path.Combine(_certificateFolder, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=changeorchestrator-keyring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
            await File.WriteAllBytesAsync(certificate, created.Export(X509ContentType.Pkcs12, "pfx-password"));
        }

        var settings = new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Auth:Local:Users:0:Name"] = "olga",
            ["Auth:Local:Users:0:PasswordHash"] = PasswordHashes.Hash(Password, PasswordHashes.MinimumIterations),
            ["Auth:Local:Users:0:Roles:0"] = "Viewer",
            ["Auth:Local:KeyRingCertificatePath"] = certificate,
            ["Auth:Local:KeyRingCertificatePassword"] = "pfx-password",
        };
        _first = await TestServer.StartAsync(_workflows.Path, settings);
        _second = await TestServer.StartAsync(_workflows.Path, settings);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _database.DisposeAsync();
        _workflows.Dispose();
        Directory.Delete(_certificateFolder, recursive: true);
    }

    [Fact]
    public async Task Session_MadeByOneNode_IsReadByTheOtherAndTheKeysAreEncryptedInTheDatabase()
    {
        var cookie = await LoginAsync(_first);

        using var onSecond = await MeAsync(_second, cookie);
        var keys = await KeyRingAsync();

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
        Assert.All(keys, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logout_ACopyOfTheCookieIsRefusedAfterwardsOnEveryNode()
    {
        var cookie = await LoginAsync(_first);
        using var before = await MeAsync(_second, cookie);

        using (var client = _first.ClientWithKey(null))
        {
            using var logout = new HttpRequestMessage(HttpMethod.Post, "/auth/logout");
            logout.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(logout);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        using var copyOnFirst = await MeAsync(_first, cookie);
        using var copyOnSecond = await MeAsync(_second, cookie);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, copyOnFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, copyOnSecond.StatusCode);
    }

    private static async Task<string> LoginAsync(TestServer server)
    {
        using var client = server.ClientWithKey(null);
        using var login = await client.PostAsJsonAsync("/auth/login", new { username = "olga", password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return Assert.Single(login.Headers.GetValues("Set-Cookie")).Split(';')[0];
    }

    private static async Task<HttpResponseMessage> MeAsync(TestServer server, string cookie)
    {
        using var client = server.ClientWithKey(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/me");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private async Task<List<string>> KeyRingAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
