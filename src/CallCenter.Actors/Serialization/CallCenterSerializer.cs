using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace CallCenter.Actors.Serialization;

/// <summary>
/// System.Text.Json serializer for call-center events, snapshots and messages, bound in <c>hocon/serialization.hocon</c>.
/// The manifest names the type (<see cref="CallCenterManifests"/>), so CLR type names never reach the journal.
/// </summary>
public sealed class CallCenterSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>In the user range (Akka reserves 0-40); journal rows carry it, so it never changes.</summary>
    public const int SerializerId = 4711;

    private static readonly ManifestTable Manifests = CallCenterManifests.Table;

    public override int Identifier => SerializerId;

    public override string Manifest(object o) => Manifests.ManifestFor(o.GetType());

    public override byte[] ToBinary(object obj)
    {
        var type = obj.GetType();
        var manifest = Manifests.ManifestFor(type); // fail before writing a payload that could never be read back
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(obj, type, CallCenterJson.Options);
        }
        catch (JsonException e)
        {
            throw new SerializationException($"cannot write {type.FullName} as manifest '{manifest}': {e.Message}", e);
        }
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        var type = Manifests.TypeFor(manifest);
        try
        {
            return JsonSerializer.Deserialize(bytes, type, CallCenterJson.Options)
                ?? throw new SerializationException($"manifest '{manifest}' holds JSON null, not a {type.Name}");
        }
        catch (JsonException e)
        {
            throw new SerializationException($"cannot read manifest '{manifest}' as {type.FullName}: {e.Message}", e);
        }
    }
}
