using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace ChangeOrchestrator.Simulators.Tests.Aws;

public sealed class AwsRequestRouterTests
{
    private const string SigV4Ssm = "AWS4-HMAC-SHA256 Credential=test/20250610/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";

    [Fact]
    public async Task HandleAsync_SsmRequestWithoutAuthorization_IsRefusedWithMissingAuthenticationToken()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        using var http = new HttpClient();

        using var response = await http.SendAsync(SsmRequest(host, "AmazonSSM.DescribeInstanceInformation", authorization: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("MissingAuthenticationTokenException", body.RootElement.GetProperty("__type").GetString());
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
    }

    [Fact]
    public async Task HandleAsync_Ec2RequestWithoutAuthorization_IsRefusedWithAuthFailure()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "DescribeInstances", ["Version"] = "2016-11-15" });

        using var response = await http.PostAsync(host.ServiceUrl, content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", xml.Root!.Name.LocalName);
        Assert.Equal("AuthFailure", xml.Descendants("Code").Single().Value);
        Assert.NotEmpty(xml.Descendants("RequestID").Single().Value);
    }

    [Fact]
    public async Task HandleAsync_CredentialScopedToAnotherService_IsRefusedWithInvalidSignature()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        using var http = new HttpClient();

        using var response = await http.SendAsync(SsmRequest(host, "AmazonSSM.DescribeInstanceInformation", SigV4Ssm.Replace("/ssm/", "/ec2/")));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidSignatureException", body.RootElement.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task HandleAsync_UnknownSsmOperation_ReturnsUnknownOperationException()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        using var http = new HttpClient();

        using var response = await http.SendAsync(SsmRequest(host, "AmazonSSM.LaunchRockets", SigV4Ssm));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UnknownOperationException", body.RootElement.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task HandleAsync_SignedSsmRequestWithAnySignature_IsAccepted()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        using var http = new HttpClient();

        using var response = await http.SendAsync(SsmRequest(host, "AmazonSSM.DescribeInstanceInformation", SigV4Ssm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(10, body.RootElement.GetProperty("InstanceInformationList").GetArrayLength());
    }

    private static HttpRequestMessage SsmRequest(AwsSimulatorTestHost host, string target, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, host.ServiceUrl)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", target);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }
}
