using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Tests.Aws;

public sealed class AwsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddAwsFleet_ServiceUrlAndEnvironmentCredentials_WorksAsAgainstAVpcEndpoint()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var previous = (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        try
        {
            // Only what a user configures for a VPC endpoint: region and URL; credentials come from the standard chain.
            using var services = AwsConnectorTestHost.Services(new Dictionary<string, string?>
            {
                ["Aws:Region"] = AwsConnectorTestHost.Region,
                ["Aws:ServiceUrl"] = host.ServiceUrl,
            });
            services.GetRequiredService<IStartupValidator>().Validate();
            var fleet = services.GetRequiredService<IPatchFleet>();

            var targets = await fleet.ResolveTargetsAsync(new TargetSelector { PatchGroups = ["Prod"] }, CancellationToken.None);

            Assert.NotEmpty(targets);
            Assert.Equal(1, (await host.CounterAsync("SSM.DescribeInstanceInformation")).Calls);
            Assert.Equal(1, (await host.CounterAsync("EC2.DescribeInstances")).Calls);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", previous.Item1);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", previous.Item2);
        }
    }

    [Theory]
    [InlineData(null, null, null, null, "Aws:Region")]
    [InlineData("moon-base-1", null, null, null, "Aws:Region")]
    [InlineData("eu-west-1", "localhost:4566", null, null, "Aws:ServiceUrl")]
    [InlineData("eu-west-1", null, "patching", null, "Aws:RoleArn")]
    [InlineData("eu-west-1", null, null, "AKIAIOSFODNN7EXAMPLE", "Aws:AccessKeyId")]
    public void AddAwsFleet_InvalidSettings_FailsAtStartNamingTheKey(string? region, string? serviceUrl, string? roleArn, string? accessKeyId, string key)
    {
        using var services = AwsConnectorTestHost.Services(new Dictionary<string, string?>
        {
            ["Aws:Region"] = region,
            ["Aws:ServiceUrl"] = serviceUrl,
            ["Aws:RoleArn"] = roleArn,
            ["Aws:AccessKeyId"] = accessKeyId,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAwsFleet_RegionAndRole_PassesValidation()
    {
        using var services = AwsConnectorTestHost.Services(new Dictionary<string, string?>
        {
            ["Aws:Region"] = "eu-west-1",
            ["Aws:RoleArn"] = "arn:aws:iam::123456789012:role/patching",
        });

        services.GetRequiredService<IStartupValidator>().Validate();
    }
}
