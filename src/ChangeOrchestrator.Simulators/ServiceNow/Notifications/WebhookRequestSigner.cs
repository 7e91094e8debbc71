using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;

namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>Authenticates a delivery as the configured RESTMessageV2 script would.</summary>
internal static class WebhookRequestSigner
{
    public static void Apply(HttpRequestMessage request, string payload, WebhookRegistration target, ServiceNowNotificationOptions options)
    {
        var secret = target.Secret ?? options.Secret;
        switch (options.AuthMode)
        {
            case WebhookAuthMode.SharedSecret:
                request.Headers.TryAddWithoutValidation(options.SecretHeader, secret);
                break;
            case WebhookAuthMode.Basic:
                var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.BasicUserName + ":" + options.BasicPassword));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                break;
        }

        if (options.HmacKey.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(options.HmacHeader, Hmac(options.HmacKey, payload));
        }
    }

    /// <summary>Base64, not hex: what CertificateEncryption.generateMac returns.</summary>
    public static string Hmac(string key, string payload) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(payload)));
}
