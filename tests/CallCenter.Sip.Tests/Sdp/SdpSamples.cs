namespace CallCenter.Sip.Tests.Sdp;

/// <summary>Session descriptions as real peers send them, with CRLF line ends unless stated.</summary>
internal static class SdpSamples
{
    /// <summary>SIPp's built-in uac scenario body, with [local_ip]=127.0.0.1 and [media_port]=6000.</summary>
    public const string SippUac =
        "v=0\r\n" +
        "o=user1 53655765 2353687637 IN IP4 127.0.0.1\r\n" +
        "s=-\r\n" +
        "c=IN IP4 127.0.0.1\r\n" +
        "t=0 0\r\n" +
        "m=audio 6000 RTP/AVP 0\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n";

    /// <summary>A baresip-like softphone offer: opus first, G.711 after, telephone-event on 101.</summary>
    public const string BaresipOffer =
        "v=0\r\n" +
        "o=- 1707135930 1707135931 IN IP4 10.0.0.5\r\n" +
        "s=-\r\n" +
        "c=IN IP4 10.0.0.5\r\n" +
        "t=0 0\r\n" +
        "m=audio 10000 RTP/AVP 96 9 0 8 101\r\n" +
        "b=AS:64\r\n" +
        "a=rtpmap:96 opus/48000/2\r\n" +
        "a=fmtp:96 stereo=1;sprop-stereo=1\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n" +
        "a=rtcp-mux\r\n";

    /// <summary>
    /// A Linphone-like offer: several codecs, static types without rtpmap (0, 8, 18), and telephone-event at three
    /// clock rates, of which only 101 is at 8 kHz. LF-only line ends, as some stacks send.
    /// </summary>
    public const string LinphoneOffer =
        "v=0\n" +
        "o=alice 3024 1422 IN IP4 192.168.1.10\n" +
        "s=Talk\n" +
        "c=IN IP4 192.168.1.10\n" +
        "t=0 0\n" +
        "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics\n" +
        "m=audio 7078 RTP/AVP 96 97 98 0 8 18 99 100 101\n" +
        "a=rtpmap:96 opus/48000/2\n" +
        "a=fmtp:96 useinbandfec=1\n" +
        "a=rtpmap:97 speex/16000\n" +
        "a=fmtp:97 vbr=on\n" +
        "a=rtpmap:98 speex/8000\n" +
        "a=fmtp:98 vbr=on\n" +
        "a=fmtp:18 annexb=yes\n" +
        "a=rtpmap:99 telephone-event/48000\n" +
        "a=rtpmap:100 telephone-event/16000\n" +
        "a=rtpmap:101 telephone-event/8000\n" +
        "a=rtcp:7079\n";

    /// <summary>An IPv6 offer; telephone-event on 96 (not 101) and a wider event range.</summary>
    public const string Ipv6Offer =
        "v=0\r\n" +
        "o=bob 2890844730 2890844731 IN IP6 2001:db8::1\r\n" +
        "s=-\r\n" +
        "c=IN IP6 2001:db8::10\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 8 96\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:96 telephone-event/8000\r\n" +
        "a=fmtp:96 0-16\r\n";

    /// <summary>Session-level c= for video, a media-level c= overriding it for audio.</summary>
    public const string MixedConnections =
        "v=0\r\n" +
        "o=- 7 7 IN IP4 10.1.1.1\r\n" +
        "s=-\r\n" +
        "c=IN IP4 10.1.1.1\r\n" +
        "t=0 0\r\n" +
        "m=audio 4000 RTP/AVP 0\r\n" +
        "c=IN IP4 10.2.2.2\r\n" +
        "m=video 5000 RTP/AVP 31\r\n";

    /// <summary>RFC 4566 §5's example, using every session-level field kind we model.</summary>
    public const string Rfc4566Example =
        "v=0\r\n" +
        "o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5\r\n" +
        "s=SDP Seminar\r\n" +
        "i=A Seminar on the session description protocol\r\n" +
        "u=http://www.example.com/seminars/sdp.pdf\r\n" +
        "e=j.doe@example.com (Jane Doe)\r\n" +
        "p=+1 617 555-6011\r\n" +
        "c=IN IP4 224.2.17.12/127\r\n" +
        "b=CT:128\r\n" +
        "t=2873397496 2873404696\r\n" +
        "r=7d 1h 0 25h\r\n" +
        "z=2882844526 -1h 2898848070 0\r\n" +
        "k=prompt\r\n" +
        "a=recvonly\r\n" +
        "m=audio 49170 RTP/AVP 0\r\n" +
        "i=voice\r\n" +
        "m=video 51372/2 RTP/AVP 99\r\n" +
        "b=AS:256\r\n" +
        "k=clear:secret\r\n" +
        "a=rtpmap:99 h263-1998/90000\r\n";
}
