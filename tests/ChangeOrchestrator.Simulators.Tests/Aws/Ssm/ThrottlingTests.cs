using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class ThrottlingTests
{
    [Fact]
    public async Task InjectedThrottle_NextTwoCalls_SdkRetriesAndSucceeds()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        await host.PostAsync("faults/throttle", new { service = "SSM", operation = "DescribeInstanceInformation", count = 2 });

        var response = await host.Ssm(maxErrorRetry: 2).DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest());
        var counter = await host.CounterAsync("SSM.DescribeInstanceInformation");

        Assert.NotEmpty(response.InstanceInformationList);
        Assert.Equal(3, counter.Calls);
        Assert.Equal(2, counter.Throttled);
    }

    [Fact]
    public async Task InjectedThrottle_BeyondRetries_SurfacesThrottlingException()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        await host.PostAsync("faults/throttle", new { service = "SSM", count = 5 });

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() =>
            host.Ssm(maxErrorRetry: 1).ListCommandsAsync(new ListCommandsRequest()));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal("Rate exceeded", error.Message);
        Assert.Equal(2, (await host.CounterAsync("SSM.ListCommands")).Throttled);
    }

    [Fact]
    public async Task InjectedLatency_LongerThanClientTimeout_SdkTimesOutAndRetries()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        await host.PostAsync("faults/latency", new { service = "SSM", operation = "ListCommands", count = 1, milliseconds = 5_000 });
        using var ssm = new AmazonSimpleSystemsManagementClient(new Amazon.Runtime.BasicAWSCredentials("test", "test"), new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = host.ServiceUrl,
            AuthenticationRegion = "us-east-1",
            RetryMode = Amazon.Runtime.RequestRetryMode.Standard,
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromSeconds(2),
        });

        var response = await ssm.ListCommandsAsync(new ListCommandsRequest());

        // The delayed first call times out and is retried; on a loaded machine a retry may time out too, so up to
        // MaxErrorRetry further calls are the SDK behaving as configured, and one call alone would mean no retry.
        Assert.NotNull(response);
        Assert.InRange((await host.CounterAsync("SSM.ListCommands")).Calls, 2, 3);
    }

    [Fact]
    public async Task InjectedServerError_Once_SdkRetriesToSuccess()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        await host.PostAsync("faults/errors", new { service = "SSM", operation = "GetCalendarState", count = 1 });

        var state = await host.Ssm().GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["ChangeFreeze"] });
        var counter = await host.CounterAsync("SSM.GetCalendarState");

        Assert.Equal("OPEN", state.State.Value);
        Assert.Equal(2, counter.Calls);
        Assert.Equal(1, counter.InjectedErrors);
    }
}
