using Amazon.EC2.Model;
using ChangeOrchestrator.Connectors.Aws;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.RateLimits;

/// <summary>
/// The request timeout bounds what AWS takes to answer, not the wait for the operation's rate: calls queued behind
/// many others for longer than the timeout are still sent and answered, against the simulator.
/// </summary>
public sealed class AwsRequestTimeoutTests
{
    [Fact]
    public async Task DescribeInstances_QueuedForATokenLongerThanTheRequestTimeout_EachCallIsSentAndAnswered()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 20);

        // Four calls a second, one in the bucket: the eighth call waits about 1.75 s for its token, and an attempt may
        // take 1 s. No retry may hide a timeout.
        var clients = host.Connect(new Dictionary<string, string?>
        {
            ["Aws:RateLimits:EC2.DescribeInstances:PerSecond"] = "4",
            ["Aws:RateLimits:EC2.DescribeInstances:Burst"] = "1",
            ["Aws:RequestTimeout"] = "00:00:01",
            ["Aws:MaxRetries"] = "0",
        }).GetRequiredService<AwsClients>();
        await host.ResetCountersAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            clients.Ec2WithoutRetries.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5 })));

        Assert.All(answers, answer => Assert.NotEmpty(answer.Reservations));
        Assert.Equal(8, (await host.CounterAsync("EC2.DescribeInstances")).Calls);
    }
}
