using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Registration;

/// <summary>
/// Who registers where: the user and password of the digest account and the domain of the address of record
/// (<c>sip:user@domain</c>), which is also the registrar's Request-URI (RFC 3261 §10.2: user part empty).
/// </summary>
public sealed record RegistrationAccount(string User, string Password, string Domain)
{
    public SipUri AddressOfRecord => SipUri.Sip(User, Domain);

    public SipUri RegistrarUri => SipUri.Sip(null, Domain);
}
