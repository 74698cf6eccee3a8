using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Serialization;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>Reads back what a transaction keeps encoded, so specs can compare it with the message it was made from.</summary>
internal static class Wire
{
    public static SipMessage Decode(EncodedSipMessage encoded) =>
        SipParser.TryParse(encoded.Bytes.Span, out var message, out var error)
            ? message
            : throw new InvalidOperationException($"kept bytes do not parse: {error}");

    /// <summary>The message an action hands the transport, parsed back when it was sent from bytes.</summary>
    public static SipMessage? SentBy(TransactionAction action) => action switch
    {
        TransactionAction.Send send => send.Message,
        TransactionAction.Resend resend => Decode(resend.Message),
        _ => null,
    };

    /// <summary>Asserts the actions are exactly one resend of <paramref name="expected"/>'s wire form to <paramref name="destination"/>.</summary>
    public static void AssertResends(SipMessage expected, SipEndPoint destination, IReadOnlyList<TransactionAction> actions)
    {
        var resend = Assert.IsType<TransactionAction.Resend>(Assert.Single(actions));
        Assert.Equal(destination, resend.Destination);
        Assert.Equal(SipSerializer.Serialize(expected), resend.Message.Bytes.ToArray());
    }

    /// <summary>Where an action sends, or null for actions that send nothing.</summary>
    public static SipEndPoint? DestinationOf(TransactionAction action) => action switch
    {
        TransactionAction.Send send => send.Destination,
        TransactionAction.Resend resend => resend.Destination,
        _ => null,
    };
}
