using System.Collections.Immutable;
using System.Globalization;
using CallCenter.Sip.Messages;

namespace CallCenter.Actors.Gateway.Registrar;

/// <summary>One contact of a REGISTER with the expiry it asks for (zero removes it).</summary>
public sealed record ContactUpdate(NameAddress Contact, TimeSpan Expires);

/// <summary>What a REGISTER asks of the registrar (RFC 3261 §10.3 steps 6-7), read and checked against its limits.</summary>
public abstract record RegisterRequest
{
    private RegisterRequest()
    {
    }

    /// <summary>No Contact: the phone asks which bindings exist.</summary>
    public sealed record Query : RegisterRequest;

    /// <summary><c>Contact: *</c> with <c>Expires: 0</c>: remove every binding.</summary>
    public sealed record RemoveAll(string CallId, long CSeq) : RegisterRequest;

    /// <summary>Add, refresh (expiry &gt; 0) or remove (expiry 0) these contacts.</summary>
    public sealed record Update(string CallId, long CSeq, ImmutableArray<ContactUpdate> Contacts) : RegisterRequest;

    /// <summary>Malformed: answer 400 with <paramref name="Reason"/>.</summary>
    public sealed record Invalid(string Reason) : RegisterRequest;

    /// <summary>A contact asked for less than the minimum: answer 423 with Min-Expires.</summary>
    public sealed record TooBrief(TimeSpan MinExpires) : RegisterRequest;

    /// <summary>Reads a REGISTER; never throws on what a phone sends.</summary>
    public static RegisterRequest Read(SipRequest register, RegistrarSettings settings)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(settings);
        if (register.CallId is not { } callId || register.CSeq is not { } cseq)
        {
            return new Invalid("Call-ID and CSeq are required");
        }

        var headerExpires = ReadSeconds(register.Headers.First(SipHeaderNames.Expires));
        if (register.IsContactWildcard)
        {
            // RFC 3261 §10.2.2: '*' only alone and only with Expires: 0.
            return register.Headers.Values(SipHeaderNames.Contact).Count != 1 || headerExpires != TimeSpan.Zero
                ? new Invalid("Contact: * needs Expires: 0 and no other contact")
                : new RemoveAll(callId, cseq.Number);
        }

        var contactValues = register.Headers.Values(SipHeaderNames.Contact);
        if (contactValues.Count == 0)
        {
            return new Query();
        }

        var contacts = register.Contacts;
        if (contacts.Count != contactValues.Count)
        {
            return new Invalid("a Contact value is malformed");
        }

        var updates = ImmutableArray.CreateBuilder<ContactUpdate>(contacts.Count);
        foreach (var contact in contacts)
        {
            if (!contact.Uri.IsSip)
            {
                return new Invalid("a Contact is not a SIP URI");
            }

            var expires = ReadSeconds(contact.Parameters.Unquoted("expires")) ?? headerExpires ?? settings.DefaultExpires;
            if (expires > TimeSpan.Zero && expires < settings.MinExpires)
            {
                return new TooBrief(settings.MinExpires);
            }

            updates.Add(new ContactUpdate(contact, expires > settings.MaxExpires ? settings.MaxExpires : expires));
        }

        return new Update(callId, cseq.Number, updates.MoveToImmutable());
    }

    /// <summary>delta-seconds (RFC 3261 §25.1); null when absent or not a number. Huge values mean "as long as allowed".</summary>
    private static TimeSpan? ReadSeconds(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = text.AsSpan().Trim();
        if (digits.IsEmpty || digits.ContainsAnyExcept("0123456789"))
        {
            return null;
        }

        return ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= uint.MaxValue
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(uint.MaxValue);
    }
}
