using System.Text;

namespace CallCenter.Benchmarks.Sip;

/// <summary>What a softphone and the call center put on the wire for a call: an INVITE with SDP and its 200 OK.</summary>
internal static class BenchmarkMessages
{
    public static readonly byte[] Invite = Wire("""
        INVITE sip:support@cc.example SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds-18a1;rport
        Max-Forwards: 70
        To: <sip:support@cc.example>
        From: "Alice Caller" <sip:alice@example.com>;tag=1928301774
        Call-ID: a84b4c76e66710@pc33.example.com
        CSeq: 314159 INVITE
        Contact: <sip:alice@10.0.0.5:5060;transport=udp>;+sip.instance="<urn:uuid:00000000-0000-1000-8000-000a95a0e128>"
        User-Agent: Softphone 4.2.1 (Linux x86_64)
        Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, PRACK, REFER, NOTIFY
        Supported: replaces, timer, 100rel, norefersub
        Session-Expires: 1800;refresher=uac
        Min-SE: 90
        Content-Type: application/sdp
        Content-Length: 258

        v=0
        o=alice 2890844526 2890844526 IN IP4 10.0.0.5
        s=-
        c=IN IP4 10.0.0.5
        t=0 0
        m=audio 49170 RTP/AVP 0 8 9 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:9 G722/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=ptime:20
        a=sendrecv

        """);

    public static readonly byte[] Ok = Wire("""
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds-18a1;rport=5060;received=203.0.113.9
        To: <sip:support@cc.example>;tag=8321234356
        From: "Alice Caller" <sip:alice@example.com>;tag=1928301774
        Call-ID: a84b4c76e66710@pc33.example.com
        CSeq: 314159 INVITE
        Contact: <sip:queue-7@192.0.2.20:5060;transport=udp>
        Server: CallCenter 1.0
        Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER
        Supported: replaces, timer
        Session-Expires: 1800;refresher=uac
        Require: timer
        Content-Type: application/sdp
        Content-Length: 197

        v=0
        o=cc 53655765 2353687637 IN IP4 192.0.2.20
        s=-
        c=IN IP4 192.0.2.20
        t=0 0
        m=audio 30000 RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=ptime:20

        """);

    private static byte[] Wire(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
}
