namespace CallCenter.Domain;

/// <summary>Root of every call-center command and event: the type the serializer binds to.</summary>
public interface ICallCenterMessage
{
}
