using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ChangeOrchestrator.Server.Security;

/// <summary>Reads a PEM public key (RSA or EC) as a token signing key.</summary>
internal static class PemSigningKeys
{
    /// <exception cref="ArgumentException">The text is not a PEM RSA or EC public key.</exception>
    public static SecurityKey Parse(string pem)
    {
        var label = PemEncoding.TryFind(pem, out var fields) ? pem[fields.Label] : null;
        if (label is not ("PUBLIC KEY" or "RSA PUBLIC KEY"))
        {
            throw new ArgumentException("is not a PEM public key (-----BEGIN PUBLIC KEY-----)", nameof(pem));
        }

        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (CryptographicException)
        {
            // Not RSA; an EC key is the other kind providers use.
        }

        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException("is neither an RSA nor an EC public key", nameof(pem), ex);
        }
    }
}
