using CallCenter.Sip.Messages;

namespace CallCenter.Actors.Gateway.Registrar;

/// <summary>Compares a digest-uri with the Request-URI it should repeat (RFC 3261 §22.4).</summary>
internal static class DigestUris
{
    /// <summary>Equal text, or URIs that differ only where phones rewrite them (host case, a default port written out).</summary>
    public static bool Match(string digestUri, string requestUri)
    {
        if (string.Equals(digestUri, requestUri, StringComparison.Ordinal))
        {
            return true;
        }

        return SipUri.TryParse(digestUri, out var claimed) && SipUri.TryParse(requestUri, out var actual)
            && claimed.IsSip && actual.IsSip
            && AgentBindings.KeyOf(claimed) == AgentBindings.KeyOf(actual);
    }
}
