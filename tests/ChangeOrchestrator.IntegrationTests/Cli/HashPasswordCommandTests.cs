using ChangeOrchestrator.Server.Cli;
using ChangeOrchestrator.Server.Security;

namespace ChangeOrchestrator.IntegrationTests.Cli;

public sealed class HashPasswordCommandTests
{
    [Fact]
    public async Task Run_PasswordOnStandardInput_PrintsAHashThatVerifiesOnlyThatPassword()
    {
        using var input = new StringReader("tr0ub4dor&3\n");
        using var output = new StringWriter();

        var exit = await HashPasswordCommand.RunAsync(["--iterations", "120000"], input, output, interactive: false);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries);
        var hash = lines[0];
        Assert.StartsWith("pbkdf2-sha256$120000$", hash, StringComparison.Ordinal);
        Assert.Null(PasswordHashes.Problem(hash));
        Assert.True(PasswordHashes.Verify("tr0ub4dor&3", hash));
        Assert.False(PasswordHashes.Verify("tr0ub4dor&4", hash));
        Assert.Contains($"Auth__Local__Users__N__PasswordHash={hash}", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tr0ub4dor", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SamePasswordTwice_SaltsEachHash()
    {
        using var first = new StringWriter();
        using var second = new StringWriter();

        await HashPasswordCommand.RunAsync(["--iterations", "100000"], new StringReader("same"), first, interactive: false);
        await HashPasswordCommand.RunAsync(["--iterations", "100000"], new StringReader("same"), second, interactive: false);

        Assert.NotEqual(first.ToString().Split('\n')[0], second.ToString().Split('\n')[0]);
    }

    [Theory]
    [InlineData(new[] { "--iterations", "1000" }, "some password", "at least 100000")]
    [InlineData(new string[0], "", "no password")]
    [InlineData(new[] { "--salt", "x" }, "p", "unknown option '--salt'")]
    public async Task Run_BadInput_Exits2(string[] args, string password, string message)
    {
        using var output = new StringWriter();

        var exit = await HashPasswordCommand.RunAsync(args, new StringReader(password), output, interactive: false);

        Assert.Equal(2, exit);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain-text-password", "must be 'pbkdf2-sha256")]
    [InlineData("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g=", "fewer than 100000")]
    [InlineData("pbkdf2-sha256$600000$not base64$x", "must be 'pbkdf2-sha256")]
    public void Problem_UnusableConfiguredHash_IsNamed(string hash, string message) =>
        Assert.Contains(message, PasswordHashes.Problem(hash), StringComparison.Ordinal);
}
