using CallCenter.Actors.Calls;
using CallCenter.Domain;
using CallCenter.Domain.Agents;

namespace CallCenter.Actors.Tests.Calls;

public sealed class OfferFailuresSpec
{
    [Theory]
    [InlineData(486, OfferFailure.Busy)]
    [InlineData(600, OfferFailure.Busy)]
    [InlineData(603, OfferFailure.Declined)]
    [InlineData(403, OfferFailure.Declined)]
    [InlineData(480, OfferFailure.NoAnswer)]
    [InlineData(408, OfferFailure.NoAnswer)]
    [InlineData(487, OfferFailure.NoAnswer)]
    [InlineData(404, OfferFailure.Failed)]
    [InlineData(503, OfferFailure.Failed)]
    [InlineData(0, OfferFailure.Failed)]
    public void Agent_leg_status_should_map_to_an_offer_failure(int status, OfferFailure expected) =>
        Assert.Equal(expected, OfferFailures.FromStatus(status));

    [Fact]
    public void Every_offer_failure_should_release_the_agent_as_its_miss()
    {
        foreach (var failure in Enum.GetValues<OfferFailure>())
        {
            Assert.NotEqual(ReleaseReason.Cancelled, failure.ToReleaseReason());
            Assert.Equal(failure.ToString(), failure.ToReleaseReason().ToString());
        }
    }
}
