using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The TU's answer to a request it handles as a stateless UAS (RFC 3261 §8.2.7), or null to answer it through a
/// server transaction as usual. The layer asks only for new non-INVITE requests over UDP and sends the answer
/// without keeping any state, so a retransmission is asked again: the function must give the same answer for the
/// same request (a To tag derived from the request, e.g. <see cref="Dialogs.SipTokens.StatelessTag"/>), and must be
/// pure and quick, as the layer calls it under its lock.
/// </summary>
public delegate SipResponse? StatelessAnswer(SipRequest request);
