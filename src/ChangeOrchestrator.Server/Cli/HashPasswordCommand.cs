using System.Globalization;
using System.Text;
using ChangeOrchestrator.Server.Security;

namespace ChangeOrchestrator.Server.Cli;

/// <summary>
/// <c>hash-password [--iterations N]</c>: reads a password from standard input (never from the command line, where
/// other users and shell history would see it) and prints the PBKDF2 hash for <c>Auth:Local:Users:n:PasswordHash</c>.
/// </summary>
internal static class HashPasswordCommand
{
    private const string Usage = "usage: hash-password [--iterations N]   (the password is read from standard input)";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, bool interactive)
    {
        var parsed = CliArguments.Parse(args, "--iterations");
        var iterations = PasswordHashes.DefaultIterations;
        if (parsed.One("--iterations") is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < PasswordHashes.MinimumIterations))
        {
            parsed.Errors.Add($"--iterations must be a whole number of at least {PasswordHashes.MinimumIterations}");
        }

        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await output.WriteLineAsync(error);
            }

            await output.WriteLineAsync(Usage);
            return 2;
        }

        if (interactive)
        {
            await output.WriteAsync("Password: ");
        }

        var password = interactive ? ReadHidden() : await input.ReadLineAsync();
        if (interactive)
        {
            await output.WriteLineAsync();
        }

        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("no password given on standard input");
            return 2;
        }

        var hash = PasswordHashes.Hash(password, iterations);
        await output.WriteLineAsync(hash);
        await output.WriteLineAsync();
        await output.WriteLineAsync("Add it to configuration as a local user, N being the next free index, e.g.:");
        await output.WriteLineAsync("  Auth__Local__Users__N__Name=<user name>");
        await output.WriteLineAsync($"  Auth__Local__Users__N__PasswordHash={hash}");
        await output.WriteLineAsync("  Auth__Local__Users__N__Roles__0=Operator");
        return 0;
    }

    /// <summary>Reads a line from the terminal without echoing it.</summary>
    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }

                continue;
            }

            if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
