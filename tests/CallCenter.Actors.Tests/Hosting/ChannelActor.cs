using System.Threading.Channels;
using Akka.Actor;

namespace CallCenter.Actors.Tests.Hosting;

/// <summary>A stand-in actor for specs without a TestKit: whatever it receives is written to a channel.</summary>
internal sealed class ChannelActor : ReceiveActor
{
    public ChannelActor(ChannelWriter<object> received)
    {
        ReceiveAny(message => received.TryWrite(message));
    }

    public static Props Props(ChannelWriter<object> received) => Akka.Actor.Props.Create(() => new ChannelActor(received));

    /// <summary>The first message of type <typeparamref name="T"/> within <paramref name="within"/>, skipping others.</summary>
    public static async Task<T> Next<T>(ChannelReader<object> received, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            if (await received.ReadAsync(timeout.Token) is T wanted)
            {
                return wanted;
            }
        }
    }
}
