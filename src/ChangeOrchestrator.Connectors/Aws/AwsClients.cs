using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SimpleSystemsManagement;
using ChangeOrchestrator.Connectors.Aws.RateLimits;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Aws;

/// <summary>
/// The SDK clients, built once from <see cref="AwsOptions"/>. Besides the ordinary clients, whose SDK retries
/// handle throttling and outages, there is a pair with SDK retries off for the calls that are not idempotent
/// (SendCommand, CreateSnapshots): a blind retry after a timeout could patch or snapshot twice, so those calls
/// are retried by the connector only after it has looked for what the earlier attempt created. Every HTTP attempt of
/// every client takes a token from its operation's bucket (<see cref="AwsRateLimiter"/>) first, so calls made
/// concurrently stay within the account's API rates.
/// </summary>
internal sealed class AwsClients : IDisposable
{
    private readonly AmazonSimpleSystemsManagementClient _ssm;
    private readonly AmazonEC2Client _ec2;
    private readonly AmazonSimpleSystemsManagementClient _ssmOnce;
    private readonly AmazonEC2Client _ec2Once;
    private readonly AwsRateLimitedHttpClients _ssmHttp;
    private readonly AwsRateLimitedHttpClients _ec2Http;

    public AwsClients(IOptions<AwsOptions> options, AwsRateLimiter limiter)
    {
        var settings = options.Value;
        var credentials = Credentials(settings);
        _ssmHttp = new AwsRateLimitedHttpClients(limiter, "SSM");
        _ec2Http = new AwsRateLimitedHttpClients(limiter, "EC2");
        _ssm = CreateSsm(settings, credentials, settings.MaxRetries, _ssmHttp);
        _ec2 = CreateEc2(settings, credentials, settings.MaxRetries, _ec2Http);
        _ssmOnce = CreateSsm(settings, credentials, 0, _ssmHttp);
        _ec2Once = CreateEc2(settings, credentials, 0, _ec2Http);
    }

    public IAmazonSimpleSystemsManagement Ssm => _ssm;

    public IAmazonEC2 Ec2 => _ec2;

    /// <summary>SDK retries off: for SendCommand, which the service does not deduplicate.</summary>
    public IAmazonSimpleSystemsManagement SsmWithoutRetries => _ssmOnce;

    /// <summary>SDK retries off: for CreateSnapshots, which has no client token.</summary>
    public IAmazonEC2 Ec2WithoutRetries => _ec2Once;

    public void Dispose()
    {
        _ssm.Dispose();
        _ec2.Dispose();
        _ssmOnce.Dispose();
        _ec2Once.Dispose();
        _ssmHttp.Dispose();
        _ec2Http.Dispose();
    }

    private static AWSCredentials? Credentials(AwsOptions options)
    {
        AWSCredentials? source = string.IsNullOrEmpty(options.AccessKeyId)
            ? null
            : new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey);
        if (string.IsNullOrEmpty(options.RoleArn))
        {
            // Null lets each client resolve the standard chain itself, refreshing as the chain's credentials rotate.
            return source;
        }

        source ??= DefaultAWSCredentialsIdentityResolver.GetCredentials();
        return new AssumeRoleAWSCredentials(source, options.RoleArn, options.RoleSessionName);
    }

    private static AmazonSimpleSystemsManagementClient CreateSsm(AwsOptions options, AWSCredentials? credentials, int maxRetries, HttpClientFactory http)
    {
        var config = new AmazonSimpleSystemsManagementConfig { HttpClientFactory = http };
        Configure(config, options, maxRetries);
        return credentials is null ? new AmazonSimpleSystemsManagementClient(config) : new AmazonSimpleSystemsManagementClient(credentials, config);
    }

    private static AmazonEC2Client CreateEc2(AwsOptions options, AWSCredentials? credentials, int maxRetries, HttpClientFactory http)
    {
        var config = new AmazonEC2Config { HttpClientFactory = http };
        Configure(config, options, maxRetries);
        return credentials is null ? new AmazonEC2Client(config) : new AmazonEC2Client(credentials, config);
    }

    private static void Configure(ClientConfig config, AwsOptions options, int maxRetries)
    {
        if (string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            // ServiceURL and RegionEndpoint exclude each other; the signing region must then be given explicitly.
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        config.RetryMode = options.RetryMode == AwsRetryMode.Adaptive ? RequestRetryMode.Adaptive : RequestRetryMode.Standard;
        config.MaxErrorRetry = maxRetries;
        config.Timeout = options.RequestTimeout;
    }
}
