using System.Globalization;
using System.Net;
using System.Text;
using CallCenter.Sip.Messages;
using CsCheck;

namespace CallCenter.Sip.Tests.Parsing;

/// <summary>CsCheck generators of valid SIP values and messages, built from the RFC 3261 §25.1 character classes.</summary>
internal static class SipGenerators
{
    private const string Alpha = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string Unreserved = Alpha + Digits + "-_.!~*'()";
    private const string TokenChars = Alpha + Digits + "-.!%*_+`'~";

    public static readonly Gen<string> Token = Gen.String[Gen.Char[TokenChars], 1, 12];

    public static readonly Gen<string> Method = Gen.OneOf(
        Gen.OneOf(SipMethods.Invite, SipMethods.Ack, SipMethods.Bye, SipMethods.Cancel, SipMethods.Register,
            SipMethods.Options, SipMethods.Info, SipMethods.Update, SipMethods.Refer, SipMethods.Message),
        Token);

    private static readonly Gen<string> Label = Gen.Select(
        Gen.Char[Alpha + Digits], Gen.String[Gen.Char[Alpha + Digits + "-"], 0, 8], Gen.Char[Alpha + Digits],
        (first, middle, last) => $"{first}{middle}{last}");

    public static readonly Gen<string> HostName = Label.Array[1, 4].Select(labels => string.Join('.', labels));

    public static readonly Gen<string> IPv4 = Gen.Int[0, 255].Array[4].Select(parts => string.Join('.', parts));

    /// <summary>The IPv6 address text without brackets (the form of a Via received parameter).</summary>
    public static readonly Gen<string> IPv6 = Gen.Byte.Array[16].Select(bytes => new IPAddress(bytes).ToString());

    public static readonly Gen<string> Host = Gen.OneOf(HostName, IPv4, IPv6.Select(a => $"[{a}]"));

    public static readonly Gen<int?> Port = Gen.OneOf(Gen.Const((int?)null), Gen.Int[0, 65535].Select(p => (int?)p));

    /// <summary>A run of allowed characters and %HH escapes (any octet, %00 included).</summary>
    private static Gen<string> Escaped(string allowed, int min, int max) =>
        Gen.Frequency(
                (4, Gen.Char[allowed].Select(c => c.ToString())),
                (1, Gen.Byte.Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture))))
            .Array[min, max]
            .Select(string.Concat);

    private static readonly Gen<string> User = Escaped(Unreserved + "&=+$,;?/", 1, 12);
    private static readonly Gen<string> Password = Escaped(Unreserved + "&=+$,", 0, 8);
    private static readonly Gen<string> ParamText = Escaped(Unreserved + "[]/:&+$", 1, 8);
    private static readonly Gen<string> HeaderText = Escaped(Unreserved + "[]/?:+$", 0, 8);

    private static readonly Gen<SipParameter> UriParameter = Gen.Select(
        ParamText, Gen.OneOf(Gen.Const((string?)null), ParamText.Select(v => (string?)v)), (name, value) => new SipParameter(name, value));

    private static readonly Gen<string?> UriHeaders = Gen.OneOf(
        Gen.Const((string?)null),
        Gen.Select(Escaped(Unreserved + "[]/?:+$", 1, 6), HeaderText, (n, v) => $"{n}={v}").Array[1, 3].Select(h => (string?)string.Join('&', h)));

    /// <summary>A SIP or SIPS URI; <paramref name="withHeaders"/> false for Request-URIs, which may not carry headers.</summary>
    public static Gen<SipUri> SipUri(bool withHeaders = true) =>
        Gen.Select(
            Gen.Select(Gen.OneOf("sip", "sips"), Gen.OneOf(Gen.Const((string?)null), User.Select(u => (string?)u)), Password.Null()),
            Gen.Select(Host, Port),
            UriParameter.Array[0, 3],
            withHeaders ? UriHeaders : Gen.Const((string?)null),
            (start, hostPort, parameters, headers) => new SipUri
            {
                Scheme = start.Item1,
                User = start.Item2,
                Password = start.Item2 is null ? null : start.Item3,
                Host = hostPort.Item1,
                Port = hostPort.Item2,
                Parameters = new SipParameters(parameters),
                Headers = headers,
            });

    public static readonly Gen<SipUri> TelUri = Gen.Select(
        Gen.String[Gen.Char[Digits], 3, 12], Gen.Bool,
        (number, context) => new SipUri { Scheme = "tel", Opaque = "+" + number + (context ? ";phone-context=example.test" : "") });

    public static readonly Gen<SipUri> AnyUri = Gen.Frequency((5, SipUri()), (1, TelUri));

    /// <summary>A header parameter value: a token, host-like text, or a quoted string with escapes.</summary>
    private static readonly Gen<string?> HeaderParameterValue = Gen.OneOf(
        Gen.Const((string?)null),
        Token.Select(v => (string?)v),
        IPv6.Select(v => (string?)v),
        DisplayText(0, 20).Select(v => (string?)QuotedString.Quote(v)));

    private static readonly Gen<SipParameter> HeaderParameter = Gen.Select(Token, HeaderParameterValue, (n, v) => new SipParameter(n, v));

    /// <summary>Text a display name or quoted value may carry: quotes, backslashes, separators, Unicode, tabs, controls; no CR or LF.</summary>
    public static Gen<string> DisplayText(int min, int max) =>
        Gen.String[Gen.Frequency(
            (10, Gen.Char[Alpha + Digits + " "]),
            (3, Gen.Char["\"\\,;:<>@=?/[](){}*%'`~!#&"]),
            (1, Gen.Char["äöüßéñ名前大停電"]),
            (1, Gen.Char["\t\u0001\u0007\u001f\u007f"])), min, max];

    public static readonly Gen<NameAddress> NameAddress = Gen.Select(
        DisplayText(0, 40).Null(),
        AnyUri,
        HeaderParameter.Array[0, 3],
        (display, uri, parameters) => new NameAddress(display, uri, new SipParameters(parameters)));

    public static readonly Gen<string> Transport = Gen.OneOf("UDP", "TCP", "TLS", "SCTP", "WS", "WSS");

    public static readonly Gen<Via> Via = Gen.Select(
        Gen.Select(Transport, Host, Port),
        Token,
        Gen.OneOf(Gen.Const((string?)null), Gen.Const((string?)""), Gen.Int[1, 65535].Select(p => (string?)p.ToString(CultureInfo.InvariantCulture))),
        Gen.OneOf(Gen.Const((string?)null), IPv4.Select(a => (string?)a), IPv6.Select(a => (string?)a)),
        HeaderParameter.Array[0, 2],
        (sentBy, branch, rport, received, extra) =>
        {
            var parameters = SipParameters.Empty.With("branch", CallCenter.Sip.Messages.Via.BranchCookie + branch);
            if (rport is not null)
            {
                parameters = parameters.With("rport", rport.Length == 0 ? null : rport);
            }

            if (received is not null)
            {
                parameters = parameters.With("received", received);
            }

            parameters = new SipParameters(parameters.Concat(extra));
            return new Via(sentBy.Item1, sentBy.Item2, sentBy.Item3, parameters);
        });

    public static Gen<CSeq> CSeqFor(string method) => Gen.Long[0, CSeq.MaxNumber].Select(n => new CSeq(n, method));

    private static readonly Gen<string> CallId = Gen.Select(
        Gen.String[Gen.Char[Alpha + Digits + "-.!%*_+`'~()<>:\\\"/[]?{}"], 1, 24], HostName.Null(),
        (word, host) => host is null ? word : $"{word}@{host}");

    /// <summary>Free text of an unknown header: no control characters, no surrounding whitespace.</summary>
    private static readonly Gen<string> FreeText = Gen.String[Gen.Frequency(
        (10, Gen.Char[Alpha + Digits + " ,;:=\"<>/\\@"]),
        (1, Gen.Char["äöü名前"])), 0, 30].Select(t => t.Trim());

    private static readonly Gen<SipHeader> UnknownHeader = Gen.Select(
        Gen.String[Gen.Char[Alpha + Digits + "-"], 1, 10], FreeText, (name, value) => new SipHeader("X-" + name, value));

    /// <summary>A Via header line: one value, or several joined by commas.</summary>
    private static readonly Gen<SipHeader> ViaLine = Via.Array[1, 3].Select(vias => new SipHeader(SipHeaderNames.Via, string.Join(", ", vias.Select(v => v.ToString()))));

    private static readonly Gen<byte[]> Body = Gen.Frequency((1, Gen.Const(Array.Empty<byte>())), (2, Gen.Byte.Array[1, 200]));

    /// <summary>The headers every message carries, plus optional ones, in shuffled order, with a Content-Length equal to the body.</summary>
    private static Gen<(SipHeader[] Headers, byte[] Body)> HeadersAndBody(CSeq cseq, bool request) =>
        Gen.Select(
            Gen.Select(ViaLine.Array[1, 3], NameAddress, NameAddress, CallId, Gen.Int[0, 255]),
            Gen.Select(NameAddress.Array[0, 2], UnknownHeader.Array[0, 4], Body, Token),
            (mandatory, optional) =>
            {
                var (vias, from, to, callId, maxForwards) = mandatory;
                var (contacts, unknown, body, tag) = optional;
                var headers = new List<SipHeader>(vias)
                {
                    new(SipHeaderNames.From, from.WithTag(tag).ToString()),
                    new(SipHeaderNames.To, to.ToString()),
                    new(SipHeaderNames.CallId, callId),
                    new(SipHeaderNames.CSeq, cseq.ToString()),
                };
                if (request)
                {
                    headers.Add(new SipHeader(SipHeaderNames.MaxForwards, maxForwards.ToString(CultureInfo.InvariantCulture)));
                }

                headers.AddRange(contacts.Select(c => new SipHeader(SipHeaderNames.Contact, c.ToString())));
                headers.AddRange(unknown);
                if (body.Length > 0)
                {
                    headers.Add(new SipHeader(SipHeaderNames.ContentType, "application/octet-stream"));
                }

                headers.Add(new SipHeader(SipHeaderNames.ContentLength, body.Length.ToString(CultureInfo.InvariantCulture)));
                return (headers.ToArray(), body);
            })
        .SelectMany(hb => Gen.Shuffle(hb.Item1).Select(shuffled => (shuffled, hb.Item2)));

    public static readonly Gen<SipRequest> Request =
        from method in Method
        from uri in SipUri(withHeaders: false)
        from cseq in CSeqFor(method)
        from content in HeadersAndBody(cseq, request: true)
        select new SipRequest(method, uri, new SipHeaders(content.Headers), content.Body);

    /// <summary>A reason phrase: UTF-8 text with spaces and tabs anywhere (even around it), possibly empty.</summary>
    private static readonly Gen<string> ReasonPhrase = Gen.String[Gen.Frequency(
        (10, Gen.Char[Alpha + Digits + " *=-.,;:/()"]),
        (1, Gen.Char["\t"]),
        (1, Gen.Char["нопростое"])), 0, 30];

    public static readonly Gen<SipResponse> Response =
        from status in Gen.Int[100, 699]
        from reason in ReasonPhrase
        from method in Method
        from cseq in CSeqFor(method)
        from content in HeadersAndBody(cseq, request: false)
        select new SipResponse(status, reason, new SipHeaders(content.Headers), content.Body);

    public static readonly Gen<SipMessage> Message = Gen.OneOf(Request.Select(r => (SipMessage)r), Response.Select(r => (SipMessage)r));

    /// <summary>
    /// A start line (mostly valid) followed by fragments of SIP syntax in random order: reaches deeper into the
    /// header and value parsers than uniform random bytes, which rarely get past the first line.
    /// </summary>
    public static readonly Gen<byte[]> SipSoup = Gen.Select(
        Gen.OneOf("INVITE sip:a@example.test SIP/2.0\r\n", "SIP/2.0 200 OK\r\n", "REGISTER sips:[::1]:5061 SIP/2.0\r\n", ""),
        Gen.OneOf(
            Gen.OneOf("INVITE ", "SIP/2.0", "SIP/2.0 200 OK", " sip:", "sips:", "tel:", "@", ";", "=", "\"", "\\", "<", ">", ",",
                ":", "\r\n", "\n", "\r\n\r\n", " ", "\t", "Via: ", "v:", "SIP/2.0/UDP ", "branch=z9hG4bK", "[", "]", "::1", "%",
                "%0", "%00", "From:", "To: ", "Call-ID: ", "CSeq: 1 INVITE", "Max-Forwards: 70", "Content-Length: ", "l:", "7",
                "-1", "99999999999", "Contact: *", "m:", "tag=", "?", "&", "host.example", "10.0.0.1", ":5060", "\0", "\u00ff"),
            Token)
        .Array[0, 80],
        (start, parts) => Encoding.UTF8.GetBytes(start + string.Concat(parts)));

    /// <summary>Random damage to a valid message: flipped, inserted, deleted, duplicated bytes, or a cut.</summary>
    public static Gen<byte[]> Mutated(Gen<byte[]> valid) =>
        from bytes in valid
        from mutations in Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 6]
        select Mutate(bytes, mutations);

    private static readonly byte[] Interesting = "\r\n \t:;,\"\\<>@%[]=?\0*"u8.ToArray();

    private static byte[] Mutate(byte[] bytes, (int Kind, int Where, int Length, byte Value)[] mutations)
    {
        var list = new List<byte>(bytes);
        foreach (var (kind, where, length, value) in mutations)
        {
            var at = list.Count == 0 ? 0 : where % list.Count;
            var span = Math.Min(list.Count - at, 1 + (length % 16));
            switch (kind)
            {
                case 0 when list.Count > 0:
                    list[at] = value;
                    break;
                case 1:
                    list.Insert(at, Interesting[value % Interesting.Length]);
                    break;
                case 2 when span > 0:
                    list.RemoveRange(at, span);
                    break;
                case 3 when span > 0:
                    list.InsertRange(at, list.GetRange(at, span));
                    break;
                case 4:
                    list.RemoveRange(at, list.Count - at);
                    break;
                default:
                    list.Insert(at, value);
                    break;
            }
        }

        return [.. list];
    }
}
