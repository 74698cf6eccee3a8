using CallCenter.Media.Codecs;

namespace CallCenter.Media.Relay;

/// <summary>
/// What happens to each payload type on its way from one leg to the other: the number to write and, between
/// PCMA and PCMU, the table that converts the payload. Built when formats change, read lock-free per packet.
/// </summary>
internal sealed class ForwardPlan
{
    private const byte NoRoute = 0xFF;

    private readonly byte[] _payloadTypes = new byte[128];
    private readonly byte[]?[] _tables = new byte[]?[128];

    private ForwardPlan()
    {
    }

    /// <summary>A side with no formats yet: every payload type passes unchanged.</summary>
    public static ForwardPlan Passthrough { get; } = CreatePassthrough();

    /// <summary>
    /// Maps each format of <paramref name="from"/> to the same encoding on <paramref name="to"/> (payload numbers
    /// may differ: 101 ↔ 96), or to the other G.711 law with a conversion table. Formats the other side did not
    /// negotiate, and payload types the sender never negotiated, are dropped: the peer agreed to receive only its
    /// own list (RFC 3264 §5.1).
    /// </summary>
    public static ForwardPlan Build(LegMedia from, LegMedia to)
    {
        if (from.IsUnset || to.IsUnset)
        {
            return Passthrough;
        }

        var plan = new ForwardPlan();
        Array.Fill(plan._payloadTypes, NoRoute);
        foreach (var format in from.Formats)
        {
            var target = Match(format, to, out var table);
            if (target is not null)
            {
                plan._payloadTypes[format.PayloadType] = target.PayloadType;
                plan._tables[format.PayloadType] = table;
            }
        }

        return plan;
    }

    public bool TryRoute(byte payloadType, out byte outgoing, out byte[]? table)
    {
        outgoing = _payloadTypes[payloadType];
        table = _tables[payloadType];
        return outgoing != NoRoute;
    }

    private static PayloadFormat? Match(PayloadFormat format, LegMedia to, out byte[]? table)
    {
        table = null;
        foreach (var candidate in to.Formats)
        {
            if (candidate.IsSameEncoding(format))
            {
                return candidate;
            }
        }

        if (format.TryGetG711(out var law))
        {
            foreach (var candidate in to.Formats)
            {
                if (candidate.TryGetG711(out var otherLaw))
                {
                    table = G711Transcoder.GetTable(law, otherLaw);
                    return candidate;
                }
            }
        }

        return null;
    }

    private static ForwardPlan CreatePassthrough()
    {
        var plan = new ForwardPlan();
        for (var i = 0; i < plan._payloadTypes.Length; i++)
        {
            plan._payloadTypes[i] = (byte)i;
        }

        return plan;
    }
}
