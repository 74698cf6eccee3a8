using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Serialization;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Serialization;

public sealed class CallCenterSerializerSpec(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(EmbeddedHocon.Load(EmbeddedHocon.Serialization), output: output)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private Akka.Serialization.Serialization Serialization => Sys.Serialization;

    public static TheoryData<string> Manifests() => [.. CallCenterManifests.Table.Entries.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Manifest_table_should_cover_every_message_and_snapshot_state()
    {
        var missing = PersistedTypes.All.Where(t => !CallCenterManifests.Table.TryGetManifest(t, out _)).Select(t => t.FullName);

        Assert.Empty(missing);
        Assert.Contains(typeof(QueueState), PersistedTypes.All);
        Assert.Contains(typeof(CallEvents.CallEnded), PersistedTypes.All);
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Serializer_should_round_trip_every_manifested_type(string manifest)
    {
        var type = CallCenterManifests.Table.Entries[manifest];
        var sample = new SampleFactory().Create(type);

        var serializer = Serialization.FindSerializerFor(sample);
        var bytes = serializer.ToBinary(sample);
        var back = Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, sample));

        Assert.IsType(type, back);
        Assert.Null(DeepEquality.FirstDifference(sample, back));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Akka_should_pick_the_call_center_serializer_for_every_manifested_type(string manifest)
    {
        var type = CallCenterManifests.Table.Entries[manifest];

        var serializer = Serialization.FindSerializerForType(type);

        Assert.IsType<CallCenterSerializer>(serializer);
        Assert.Equal(CallCenterSerializer.SerializerId, serializer.Identifier);
        Assert.Equal(manifest, Akka.Serialization.Serialization.ManifestFor(serializer, new SampleFactory().Create(type)));
    }

    [Fact]
    public void Akka_should_not_use_the_call_center_serializer_for_unrelated_types()
    {
        Assert.IsNotType<CallCenterSerializer>(Serialization.FindSerializerFor("just a string"));
        Assert.IsNotType<CallCenterSerializer>(Serialization.FindSerializerForType(typeof(Exception)));
    }

    [Fact]
    public void Serializer_should_write_ids_and_enums_as_plain_strings_in_camel_case()
    {
        var ended = new CallEvents.CallEnded(new CallId("c-7"), CallDisposition.Abandoned, new AgentId("alice"), T0);

        var json = Encoding.UTF8.GetString(Serializer().ToBinary(ended));

        Assert.Equal("""{"callId":"c-7","disposition":"Abandoned","agentId":"alice","at":"2026-01-05T08:00:00+00:00"}""", json);
    }

    [Fact]
    public void Serializer_should_read_a_released_payload_with_a_missing_optional_field()
    {
        // A payload written before agentId existed, or with it left out: the optional field reads as null.
        var bytes = """{"callId":"c-7","disposition":"Timeout","at":"2026-01-05T08:00:00+00:00"}"""u8.ToArray();

        var back = Serializer().FromBinary(bytes, "call.ended");

        Assert.Equal(new CallEvents.CallEnded(new CallId("c-7"), CallDisposition.Timeout, null, T0), back);
    }

    [Fact]
    public void Serializer_should_leave_derived_properties_out_of_the_payload()
    {
        var json = Encoding.UTF8.GetString(Serializer().ToBinary(CommandResult.Rejected("queue full")));
        var state = Encoding.UTF8.GetString(Serializer().ToBinary(new QueueState(new QueueId("sales"))));

        Assert.Equal("""{"code":"Rejected","reason":"queue full"}""", json);
        Assert.DoesNotContain("\"length\"", state);
        Assert.DoesNotContain("\"head\"", state);
    }

    [Fact]
    public void Serializer_should_fail_clearly_on_an_unknown_manifest()
    {
        var error = Assert.Throws<SerializationException>(() => Serializer().FromBinary("{}"u8.ToArray(), "call.teleported"));

        Assert.Contains("unknown call-center manifest 'call.teleported'", error.Message);
    }

    [Fact]
    public void Serializer_should_refuse_to_write_a_type_without_a_manifest()
    {
        var error = Assert.Throws<SerializationException>(() => Serializer().ToBinary(new Unlisted("x")));

        Assert.Contains(typeof(Unlisted).FullName!, error.Message);
        Assert.Contains(nameof(CallCenterManifests), error.Message);
    }

    [Theory]
    [InlineData("""{"callId":"","queueId":"sales","at":"2026-01-05T08:00:00+00:00"}""")]
    [InlineData("""{"callId":{"value":"c-1"},"queueId":"sales","at":"2026-01-05T08:00:00+00:00"}""")]
    [InlineData("""{"callId":"c-1","queueId":"sales","at":"not a time"}""")]
    public void Serializer_should_report_a_corrupt_payload_as_a_serialization_error(string json)
    {
        var error = Assert.Throws<SerializationException>(() => Serializer().FromBinary(Encoding.UTF8.GetBytes(json), "call.queued"));

        Assert.Contains("call.queued", error.Message);
    }

    [Fact]
    public void Serializer_should_refuse_to_write_a_default_id()
    {
        var error = Assert.Throws<SerializationException>(() => Serializer().ToBinary(new CallEvents.CallQueued(default, new QueueId("sales"), T0)));

        Assert.Contains("empty CallId", error.Message);
    }

    [Fact]
    public void Manifests_should_be_short_lowercase_dotted_names()
    {
        foreach (var manifest in CallCenterManifests.Table.Entries.Keys)
        {
            Assert.InRange(manifest.Length, 3, 40);
            Assert.True(manifest.All(c => c is (>= 'a' and <= 'z') or '.' or '-'), $"manifest '{manifest}' is not a lowercase dotted name");
        }
    }

    [Fact]
    public void Manifest_table_should_refuse_a_manifest_or_a_type_registered_twice()
    {
        Assert.Throws<ArgumentException>(() => new ManifestTable().Add<CallEvents.CallQueued>("x").Add<CallEvents.CallEnded>("x"));
        Assert.Throws<ArgumentException>(() => new ManifestTable().Add<CallEvents.CallQueued>("x").Add<CallEvents.CallQueued>("y"));
    }

    private CallCenterSerializer Serializer() => new((ExtendedActorSystem)Sys);

    private sealed record Unlisted(string Value) : ICallCenterMessage;
}
