namespace CallCenter.Sip.Sdp;

/// <summary>Keeps the o= line of our own descriptions right across re-offers and re-answers.</summary>
public static class SdpVersioning
{
    /// <summary>
    /// What to send next, given what we sent last: the previous description itself when nothing but the
    /// origin changed (RFC 3264 §8: an unchanged SDP keeps its version), otherwise
    /// <paramref name="proposed"/> under the previous session id with the version one higher.
    /// </summary>
    public static SessionDescription Revise(SessionDescription previous, SessionDescription proposed)
    {
        if (proposed with { Origin = previous.Origin } == previous)
        {
            return previous;
        }

        return proposed with { Origin = previous.Origin.NextVersion() };
    }
}
