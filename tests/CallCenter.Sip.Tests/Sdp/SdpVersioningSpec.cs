using System.Net;
using CallCenter.Sip.Sdp;

namespace CallCenter.Sip.Tests.Sdp;

public class SdpVersioningSpec
{
    private static readonly LocalAudioOptions Local = SdpNegotiatorAnswerSpec.Local;

    [Fact]
    public void Origin_should_start_at_the_session_id_and_increment_the_version_only()
    {
        var origin = SdpOrigin.Create(IPAddress.Parse("192.0.2.10"), 1000);

        var next = origin.NextVersion();

        Assert.Equal(new SdpOrigin("-", "1000", 1000, "IN", "IP4", "192.0.2.10"), origin);
        Assert.Equal(1001UL, next.SessionVersion);
        Assert.True(next.IsSameSession(origin));
        Assert.NotEqual(origin, next);
    }

    [Fact]
    public void Origin_should_tell_apart_another_session()
    {
        var origin = SdpOrigin.Create(IPAddress.Parse("192.0.2.10"), 1000);

        Assert.False(origin.IsSameSession(origin with { SessionId = "1001" }));
        Assert.False(origin.IsSameSession(origin with { Address = "192.0.2.11" }));
    }

    [Fact]
    public void Revise_should_keep_the_previous_description_when_nothing_changed()
    {
        var first = SdpNegotiator.CreateOffer(Local, SdpOrigin.Create(IPAddress.Parse("192.0.2.10"), 50));
        var rebuilt = SdpNegotiator.CreateOffer(Local, SdpOrigin.Create(IPAddress.Parse("192.0.2.10"), 777));

        Assert.Same(first, SdpVersioning.Revise(first, rebuilt));
    }

    [Fact]
    public void Revise_should_increment_the_version_under_the_same_session_id_on_every_change()
    {
        var first = SdpNegotiator.CreateOffer(Local, SdpOrigin.Create(IPAddress.Parse("192.0.2.10"), 50));

        var hold = SdpVersioning.Revise(first, SdpNegotiator.CreateOffer(Local with { Direction = SdpDirection.SendOnly }, first.Origin));
        var resume = SdpVersioning.Revise(hold, SdpNegotiator.CreateOffer(Local, SdpOrigin.Create(IPAddress.Parse("192.0.2.10"), 9)));

        Assert.Equal(51UL, hold.Origin.SessionVersion);
        Assert.Equal(SdpDirection.SendOnly, hold.Media[0].ExplicitDirection);
        Assert.Equal(52UL, resume.Origin.SessionVersion);
        Assert.Equal("50", resume.Origin.SessionId);
        Assert.Equal(SdpDirection.SendRecv, resume.Media[0].ExplicitDirection);
    }

    [Fact]
    public void WithNextVersion_should_change_only_the_origin_version()
    {
        var offer = SdpNegotiator.CreateOffer(Local, SdpOrigin.Create(IPAddress.Parse("192.0.2.10"), 50));

        var next = offer.WithNextVersion();

        Assert.Equal(offer with { Origin = offer.Origin with { SessionVersion = 51 } }, next);
    }
}
