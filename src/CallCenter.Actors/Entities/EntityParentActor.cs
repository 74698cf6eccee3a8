using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;

namespace CallCenter.Actors.Entities;

/// <summary>One child per entity, addressed with a sharding message extractor: the single-process stand-in for a shard region.</summary>
/// <remarks>Children are created on their first message. A child that stops (a journal failure) is created again, recovered
/// from the journal, by the next message for it, as a shard region would.</remarks>
public sealed class EntityParentActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public EntityParentActor(IMessageExtractor extractor, Func<string, Props> entityProps)
    {
        ReceiveAny(message =>
        {
            if (extractor.EntityId(message) is not { } entityId)
            {
                _log.Warning("No entity id in {Message}; dropped", message.GetType().Name);
                Unhandled(message);
                return;
            }

            var name = EntityNames.For(entityId);
            var child = Context.Child(name);
            if (child.IsNobody())
            {
                child = Context.ActorOf(entityProps(entityId), name);
            }

            child.Forward(extractor.EntityMessage(message));
        });
    }

    public static Props Props(IMessageExtractor extractor, Func<string, Props> entityProps) =>
        Akka.Actor.Props.Create(() => new EntityParentActor(extractor, entityProps));
}
