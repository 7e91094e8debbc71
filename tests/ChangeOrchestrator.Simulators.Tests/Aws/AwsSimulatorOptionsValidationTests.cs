using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Tests.Aws;

public sealed class AwsSimulatorOptionsValidationTests
{
    [Theory]
    [InlineData("Simulators:Aws:FleetSize", "130000", "FleetSize")]
    [InlineData("Simulators:Aws:AccountId", "12345", "AccountId")]
    [InlineData("Simulators:Aws:Durations:Scan", "-00:01:00", "Simulators:Aws:Durations:Scan")]
    [InlineData("Simulators:Aws:Calendars:0:DefaultState", "MAYBE", "Simulators:Aws:Calendars:0:DefaultState")]
    public async Task StartAsync_InvalidSetting_FailsNamingTheKey(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value, ["Simulators:Aws:Calendars:0:Name"] = "freeze" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorHost.StartAsync(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
