using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Server.Cli;
using ChangeOrchestrator.Server.Security;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.IntegrationTests.Cli;

public sealed partial class CreateApiKeyCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_NameAndRole_PrintsAKeyWhoseEntryTheServerAccepts()
    {
        using var output = new StringWriter();

        var exit = await CreateApiKeyCommand.RunAsync(["--name", "ci-pipeline", "--role", "Operator"], output, new FakeTimeProvider(Now));

        Assert.Equal(0, exit);
        var text = output.ToString();
        var key = PrintedKey().Match(text).Groups[1].Value;
        var entry = JsonNode.Parse(ConfigurationLine().Match(text).Groups[1].Value)!;
        Assert.Equal(ApiKeyRegistry.Hash(key), entry["Sha256"]!.GetValue<string>());
        Assert.Equal(1, Regex.Count(text, Regex.Escape(key)));
        Assert.Contains($"Auth__ApiKeys__N__Sha256={ApiKeyRegistry.Hash(key)}", text, StringComparison.Ordinal);

        using var workflows = new WorkflowFolder();
        await using var postgres = await PostgresServer.StartAsync(workflows.Path, new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:9:Name"] = entry["Name"]!.GetValue<string>(),
            ["Auth:ApiKeys:9:Sha256"] = entry["Sha256"]!.GetValue<string>(),
            ["Auth:ApiKeys:9:Roles:0"] = entry["Roles"]![0]!.GetValue<string>(),
        });
        using var client = postgres.Server.ClientWithKey(key);
        using var read = await client.GetAsync("/api/definitions");
        using var publish = await client.PostAsync("/api/definitions", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
    }

    [Theory]
    [InlineData("90d", "2027-02-03T12:00:00.0000000+00:00")]
    [InlineData("2027-06-30", "2027-06-30T00:00:00.0000000+00:00")]
    [InlineData("2027-06-30T08:00:00+02:00", "2027-06-30T06:00:00.0000000+00:00")]
    public async Task Run_Expires_WritesTheInstantInUtc(string expires, string expected)
    {
        using var output = new StringWriter();

        var exit = await CreateApiKeyCommand.RunAsync(["--name", "n", "--role", "Viewer", "--expires", expires], output, new FakeTimeProvider(Now));

        Assert.Equal(0, exit);
        Assert.Equal(expected, JsonNode.Parse(ConfigurationLine().Match(output.ToString()).Groups[1].Value)!["ExpiresAt"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(new[] { "--role", "Viewer" }, "--name is required")]
    [InlineData(new[] { "--name", "n" }, "--role is required")]
    [InlineData(new[] { "--name", "n", "--role", "Root" }, "'Root' is not one of")]
    [InlineData(new[] { "--name", "n", "--role", "Viewer", "--expires", "soon" }, "--expires 'soon'")]
    [InlineData(new[] { "--name", "n", "--role", "Viewer", "--expires", "2020-01-01" }, "is in the past")]
    [InlineData(new[] { "--name", "n", "--role", "Viewer", "--admin" }, "unknown option '--admin'")]
    public async Task Run_BadArguments_Exits2NamingTheProblemAndPrintsNoKey(string[] args, string message)
    {
        using var output = new StringWriter();

        var exit = await CreateApiKeyCommand.RunAsync(args, output, new FakeTimeProvider(Now));

        Assert.Equal(2, exit);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("co_", output.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^  (co_[0-9a-f]{48})$", RegexOptions.Multiline)]
    private static partial Regex PrintedKey();

    [GeneratedRegex(@"^  (\{.*\})$", RegexOptions.Multiline)]
    private static partial Regex ConfigurationLine();
}
